import type { LetterDelivery } from '../../src/domain/letters/letter-delivery.schema'
import type { PendingLetter } from '../../src/domain/letters/pending-letter.schema'

// Deliveries of 消费投诉分析建议书 (docs/analysis-letters.md, migration 0024): one row per sending; and the
// letters owed after a quarter's end (待送达建议书, migration 0029): one entry per (site, quarter, shop).
export interface LetterStore {
  /** Stores the delivery and, in the same write, marks the shop's entry of that quarter (if any) delivered. */
  recordLetterDelivery(delivery: LetterDelivery): Promise<void>
  /** The shop's deliveries, newest first. */
  listLetterDeliveries(merchantId: string): Promise<LetterDelivery[]>
  /** Adds the entries not there yet (by site, quarter and shop) and leaves existing ones alone; answers how many were added. */
  addPendingLetters(entries: readonly PendingLetter[]): Promise<number>
  /** The site's entries still owed (deliveryId null), oldest quarter first, then by shop name. */
  listPendingLetters(siteId: string): Promise<PendingLetter[]>
}
