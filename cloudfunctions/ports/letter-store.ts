import type { LetterDelivery } from '../../src/domain/letters/letter-delivery.schema'

// Deliveries of 消费投诉分析建议书 (docs/analysis-letters.md, migration 0024): one row per sending.
export interface LetterStore {
  recordLetterDelivery(delivery: LetterDelivery): Promise<void>
  /** The shop's deliveries, newest first. */
  listLetterDeliveries(merchantId: string): Promise<LetterDelivery[]>
}
