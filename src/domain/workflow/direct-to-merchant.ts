import type { Case, CaseKind } from '../case.schema'
import { clocksAfterEvent, type CaseClock, type ClockContext } from '../clocks/case-clock'
import type { Merchant } from '../merchant.schema'

// Straight to the shop (docs/domain.md "Straight to the shop", issue 16.2). A shop that signed the
// double commitment promised the shopper, on the poster they just scanned, an answer within its
// minutes: the complaint is with the shop from the filing on, and its response clock starts then.
// The station watches in parallel and still owes its 24-hour acceptance decision (transitions.ts
// WHILE_ACCEPTANCE_OWED). A report never goes to the shop; a filing by a proxy desk or by search did
// not happen in front of the shop's poster, so it takes the usual road through the station.

export function goesStraightToMerchant(
  kind: CaseKind,
  channel: Case['channel'],
  merchant: Pick<Merchant, 'doubleCommitmentSigned'>,
): boolean {
  return kind === 'complaint' && channel === 'qr' && merchant.doubleCommitmentSigned
}

/** The shop's promise as the shopper reads it after filing (the receipt's next step). */
export const merchantPromise = (responseMinutes: number): string => `商家承诺 ${responseMinutes} 分钟内回应，超时将自动转维权站`

/**
 * The clocks a filing starts: the station's (answer within 24 hours, decide within 7 working days,
 * send back within 20 hours) on the site's numbers, and — straight to the shop — the shop's response
 * clock from the same instant on the shop's own numbers, exactly as a dispatch would start it.
 */
export function clocksAtFiling(caseId: string, direct: boolean, at: Date, station: ClockContext, shop: ClockContext): CaseClock[] {
  const filed = clocksAfterEvent(caseId, [], 'submitted', at, station)
  return direct ? [...filed, ...clocksAfterEvent(caseId, filed, 'dispatched', at, shop)] : filed
}
