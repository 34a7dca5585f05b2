import { z } from 'zod'
import { LetterDeliverySchema, LetterSummaryQuerySchema, MerchantIdInput, RecordDeliverySchema } from './letter-delivery.schema'

// The function actions of 消费投诉分析建议书 (src/domain/api/contract.ts; docs/analysis-letters.md). The letter
// itself is printed from the host (GET /export/letter.pdf); here: the shop's own home-page summary, and the
// station's record of how a letter reached the shop.
export const LetterSummarySchema = z.object({
  periodLabel: z.string(),
  volume: z.number().int().nonnegative(),
  top: z.array(z.object({ problemType: z.string(), volume: z.number().int().nonnegative(), advice: z.string() })),
})

export const MERCHANT_LETTER_API = {
  /** 本季度投诉分析 on the home page: the caller's own shop only (complaints only, never a report) */
  letterSummary: { input: LetterSummaryQuerySchema, output: LetterSummarySchema },
} as const

export const STATION_LETTER_API = {
  /** who sent the letter, when and how; the shop's inbox is told 「您有一份消费投诉分析建议书」 */
  recordLetterDelivery: { input: RecordDeliverySchema, output: LetterDeliverySchema },
  listLetterDeliveries: { input: MerchantIdInput, output: z.array(LetterDeliverySchema) },
} as const
