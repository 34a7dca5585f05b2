import type { Case } from '../case.schema'
import { clocksAfterEvent, type CaseClock, type ClockContext } from './case-clock'

// 2 小时内告知投诉人案件编号及预计办理时限 (docs/domain.md "The clocks"). Whoever files on their own phone
// (scan, search) sees the number and the expected time on the receipt at once, and so does the person
// at a proxy desk or a walk-in visitor handed the printed receipt: for them the promise is kept at the
// filing, and the clock is recorded as met then. A 12345 hand-over or a caller on the phone did not
// get a receipt: the clock runs until staff record that they told them (已告知案件编号).
export const CASE_NUMBER_TOLD_AT_FILING: readonly Case['channel'][] = ['qr', 'search', 'proxy', 'walk_in']

export const caseNumberToldAtFiling = (channel: Case['channel']): boolean => CASE_NUMBER_TOLD_AT_FILING.includes(channel)

/** The filing's clocks, with the case-number clock met at `at` when the channel told the number at once. */
export function withCaseNumberTold(
  caseId: string,
  clocks: readonly CaseClock[],
  channel: Case['channel'],
  at: Date,
  ctx: ClockContext,
): CaseClock[] {
  if (!caseNumberToldAtFiling(channel)) return [...clocks]
  const stopped = clocksAfterEvent(caseId, clocks, 'case_number_sent', at, ctx)
  return clocks.map((c) => stopped.find((s) => s.clockId === c.clockId) ?? c)
}
