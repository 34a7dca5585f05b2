import type { SubscribeSlot } from '../domain/notify/subscribe-messages'

// WeChat subscribe messages ("服务通知"): the person taps, WeChat shows its own prompt, and each
// template they allow pays for exactly one message later. Taro picks the platform file at build time:
//   subscribe.weapp.ts → Taro.requestSubscribeMessage with the deployment's template ids
//   subscribe.h5.ts    → nothing to ask (a browser has no WeChat service notices)
// This file is the shared type and what any other platform gets. Platform files must use
// `import type` from here: a value import of './subscribe' would resolve back to themselves.

/**
 * Asks for the slots that have a template id and answers the ones the person allowed. Must be called
 * synchronously inside a tap handler (WeChat refuses the prompt otherwise). Never rejects: a refusal,
 * a closed prompt or an old WeChat all answer [] — a notice is a bonus, never a reason to stop.
 */
export type RequestSubscriptions = (slots: readonly SubscribeSlot[]) => Promise<SubscribeSlot[]>

/** Whether asking for these slots would show anything (the button that asks is hidden otherwise). */
export function canRequestSubscriptions(_slots: readonly SubscribeSlot[]): boolean {
  return false
}

export const requestSubscriptions: RequestSubscriptions = () => Promise.resolve([])
