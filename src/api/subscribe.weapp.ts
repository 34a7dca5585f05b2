import Taro from '@tarojs/taro'
import type { SubscribeSlot } from '../domain/notify/subscribe-messages'
import type { RequestSubscriptions } from './subscribe'

// The deployment's template ids, one per slot, the same values the cloud functions get as
// WECHAT_TMPL_<SLOT> (cloudfunctions/adapters/wechat/subscribe-template-ids.ts). Each is spelled out
// in full because the build replaces the literal `process.env.TARO_APP_…` text; every one must be
// defined in .env (empty = that slot is never asked for). Kept a bare object of the six values (no
// `?? ''` here): the build then holds them as one literal `{consumer_accepted:"…",…}`, which the weapp
// tests rewrite to run the built pages with fixed test ids and with none (tests/weapp/support/template-ids.ts).
const TEMPLATE_IDS: Record<SubscribeSlot, string | undefined> = {
  consumer_accepted: process.env.TARO_APP_WECHAT_TMPL_CONSUMER_ACCEPTED,
  consumer_answered: process.env.TARO_APP_WECHAT_TMPL_CONSUMER_ANSWERED,
  consumer_closed: process.env.TARO_APP_WECHAT_TMPL_CONSUMER_CLOSED,
  consumer_return_visit: process.env.TARO_APP_WECHAT_TMPL_CONSUMER_RETURN_VISIT,
  merchant_new_case: process.env.TARO_APP_WECHAT_TMPL_MERCHANT_NEW_CASE,
  merchant_clock_warning: process.env.TARO_APP_WECHAT_TMPL_MERCHANT_CLOCK_WARNING,
}

/** WeChat takes at most 3 template ids per prompt. */
const MAX_PER_PROMPT = 3

function configured(slots: readonly SubscribeSlot[]) {
  return slots
    .map((slot) => ({ slot, id: (TEMPLATE_IDS[slot] ?? '').trim() }))
    .filter((s) => s.id !== '')
    .slice(0, MAX_PER_PROMPT)
}

export function canRequestSubscriptions(slots: readonly SubscribeSlot[]): boolean {
  return configured(slots).length > 0
}

export const requestSubscriptions: RequestSubscriptions = (slots) => {
  const asked = configured(slots)
  if (asked.length === 0) return Promise.resolve([])
  try {
    // called right here, synchronously: WeChat only shows the prompt while the tap is being handled
    return Taro.requestSubscribeMessage({ tmplIds: asked.map((s) => s.id) } as Taro.requestSubscribeMessage.Option)
      .then((res) => {
        const answers = res as unknown as Record<string, unknown>
        return asked.filter((s) => answers[s.id] === 'accept').map((s) => s.slot)
      })
      .catch(() => [] as SubscribeSlot[]) // refused all, closed, or a WeChat too old to ask
  } catch {
    return Promise.resolve([]) // the API itself missing (an old base library) must not stop a filing
  }
}
