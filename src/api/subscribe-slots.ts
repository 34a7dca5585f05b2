import type { SubscribeSlot } from '../domain/notify/subscribe-messages'

// Which templates each prompt asks for. WeChat takes at most three per prompt, so the consumer's
// submit tap asks for the three moments that matter most (受理 / 商家答复 / 办结); the return visit
// would be asked for later, from its own tap.
export const CONSUMER_FILING_SLOTS: readonly SubscribeSlot[] = ['consumer_accepted', 'consumer_answered', 'consumer_closed']

/** The clerk's 开启微信提醒 button on the merchant inbox. */
export const MERCHANT_ALERT_SLOTS: readonly SubscribeSlot[] = ['merchant_new_case', 'merchant_clock_warning']
