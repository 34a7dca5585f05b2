import type { SubscribeSlot } from '../../src/domain/notify/subscribe-messages'
import type { SubscribeData } from '../../src/domain/notify/wechat-fields'
import type { DeliveryResult } from './delivery'

export type { DeliveryResult } from './delivery'
export type { SubscribeData } from '../../src/domain/notify/wechat-fields'

/** The deployment's subscribe-message template per slot (WECHAT_TMPL_<SLOT>); a slot without one is not sent. */
export type TemplateIds = Partial<Record<SubscribeSlot, string>>

/** Which build of the mini-program a tap on the message opens. */
export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface SubscribeMessage {
  /** the recipient's OPENID */
  touser: string
  templateId: string
  /** "pages/consumer/case/index?id=…" (no leading slash); without it the card does not open a page */
  page?: string
  /** keyword → value, already within WeChat's limits (src/domain/notify/subscribe-messages.ts) */
  data: SubscribeData
  miniprogramState?: MiniprogramState
}

// The WeChat open API as the core needs it. Self-hosted it is HTTPS with an access token of our own;
// in CloudBase it is wx-server-sdk's cloud call, which needs no token. Both answer the same way:
// 43101 (the user has no subscription left, or refused) is NO_SUBSCRIPTION and never retried.
export interface WechatOpenApi {
  sendSubscribeMessage(message: SubscribeMessage): Promise<DeliveryResult>
}
