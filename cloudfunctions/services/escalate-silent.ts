import type { ClockStep } from '../ports/store'
import { actOnCase, SYSTEM_CALLER } from './case-actions'
import type { Deps } from './context'

// The double commitment's promise to the shopper — "商家承诺 45 分钟内回应，超时将自动转维权站" — kept by
// the system, not left to whoever notices the red card: when the tick marks a shop's response clock
// overdue, the case goes to the station for mediation as an `escalated` event by the system (the
// timeline says the shop did not respond in time). The station still owes its acceptance decision as
// before; it now finds the case in mediation instead of waiting on the shop.

const REASON = '商家超时未响应，自动转维权站调解'

/** The steps that just made a shop's response clock overdue: each case's shop stayed silent. */
export const silentShops = (written: readonly ClockStep[]): string[] =>
  written
    .filter((s) => s.next.clockId === 'merchant_response' && s.next.stage === 'overdue' && s.fromStage !== 'overdue')
    .map((s) => s.next.caseId)

/**
 * Escalate each case whose shop went silent. A case the shop answered meanwhile, or that someone
 * escalated already, is no longer with the shop: the state machine refuses, and that case is left as
 * it is. Answers how many moved.
 */
export async function escalateSilentShops(deps: Deps, caseIds: readonly string[]): Promise<number> {
  let escalated = 0
  for (const caseId of caseIds) {
    const r = await actOnCase({ caller: SYSTEM_CALLER, deps }, 'system', caseId, { action: 'escalate', reason: REASON })
    if (r.ok) escalated++
  }
  return escalated
}
