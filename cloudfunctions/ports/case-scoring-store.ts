import type { ScoringCase } from '../../src/domain/similarity/scoring-case'

// The reads that score cases (突发消费事件, 案例推荐; docs/bursts-and-similar-cases.md): only the columns
// scoring needs (src/domain/similarity/scoring-case.ts), never a sealed one, so scoring a site's 200
// latest cases decrypts nothing. Every list is bounded by its caller's limit.
export interface CaseScoringStore {
  /** The site's cases (complaints and reports), newest first; with `since`, only those filed at or after it. */
  listScoringCasesForSite(siteId: string, limit: number, since?: string): Promise<ScoringCase[]>
  /** The shop's complaints, newest first. Never a report. */
  listScoringComplaintsForMerchant(merchantId: string, limit: number): Promise<ScoringCase[]>
  /** Cases filed strictly after `after`, oldest first (then by id): the burst pass's new cases. */
  listScoringCasesFiledAfter(after: string, page: { limit: number; offset: number }): Promise<ScoringCase[]>
  /** How many complaints against the shop were filed in [from, to). */
  countComplaintsAgainst(merchantId: string, from: string, to: string): Promise<number>
}
