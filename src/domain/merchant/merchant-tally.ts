import type { CaseClock } from '../clocks/case-clock'
import { OPEN_STATUSES } from '../workflow/transitions'
import type { MerchantCaseCounts } from './merchant-record'

// What one complaint counts for in its shop's record (merchant-record.ts). Every store keeps the
// record from these figures in the transaction of each change — the SQL store as per-shop counter
// rows (add after − before), the document store as 0/1 flags on the case document that count()
// sums — so both agree on what "on time" and "late" mean. Complaints only: a report (举报) never
// counts, since the record is shown to the shop.

type Response = Pick<CaseClock, 'dueAt' | 'stoppedAt' | 'stage'>

/** The facts of one complaint the record is made of. */
export interface Tally {
  status: string
  outcome: string | null
  /** its merchant_response clock, if one ever started */
  response: Response | null
}

export type TallyCounts = Omit<MerchantCaseCounts, 'total'>

/**
 * On time: stopped at or before its due. Late: stopped after it, or running and marked overdue by
 * the tick (a count cannot flip as time passes; the tick counts it when it marks the clock overdue).
 */
export function tallyCounts(t: Tally | null): TallyCounts {
  if (!t) return { open: 0, closed: 0, settled: 0, responseStarted: 0, responseOnTime: 0, responseLate: 0 }
  const r = t.response
  const stoppedAt = r?.stoppedAt ? Date.parse(r.stoppedAt) : null
  const due = r ? Date.parse(r.dueAt) : 0
  return {
    open: OPEN_STATUSES.some((s) => s === t.status) ? 1 : 0,
    closed: t.status === 'closed' ? 1 : 0,
    settled: t.status === 'closed' && t.outcome === 'settled' ? 1 : 0,
    responseStarted: r ? 1 : 0,
    responseOnTime: stoppedAt !== null && stoppedAt <= due ? 1 : 0,
    responseLate: r && ((stoppedAt !== null && stoppedAt > due) || (stoppedAt === null && r.stage === 'overdue')) ? 1 : 0,
  }
}

export const responseOf = (clocks: readonly CaseClock[]): Response | null => clocks.find((k) => k.clockId === 'merchant_response') ?? null

export const tallyOf = (row: { status: string; outcome: string | null }, response: Response | null): Tally => ({
  status: row.status,
  outcome: row.outcome,
  response,
})
