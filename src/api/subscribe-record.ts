import type { SubscribeSlot } from '../domain/notify/subscribe-messages'
import { call } from './call'

// After WeChat's prompt answered: tell the server which templates were allowed, so it keeps the
// per-person tally of sends (each allow pays for one). Nothing to tell → no request. A failure is
// swallowed: the person loses at most a phone notice, the inbox still gets every message, and
// under-counting is the safe side (WeChat refuses sends beyond what was allowed).
export async function recordAcceptedSubscriptions(prompt: Promise<SubscribeSlot[]>): Promise<number> {
  const accepted = await prompt.catch(() => [] as SubscribeSlot[])
  if (accepted.length === 0) return 0
  const result = await call('inbox', 'recordSubscriptions', { accepted }).catch(() => null)
  return result?.ok ? result.data.recorded : 0
}
