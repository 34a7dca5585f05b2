import { z } from 'zod'
import { ExportFileSchema } from '../exports/export-api'
import {
  LetterDeliverySchema,
  LetterQuerySchema,
  LetterSummaryQuerySchema,
  MerchantIdInput,
  RecordDeliverySchema,
} from './letter-delivery.schema'
import { PendingLetterSchema } from './pending-letter.schema'

// The function actions of 消费投诉分析建议书 (src/domain/api/contract.ts; docs/analysis-letters.md). The letter
// itself is printed from the host (GET /export/letter.pdf), or in CloudBase made into storage (letterPdf, a
// link); here too: the shop's own home-page summary, the station's record of how a letter reached the shop,
// and the letters still owed after a quarter's end (待送达建议书).
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
  /** 待送达建议书: the own site's letters still owed after a quarter's end (the tick's quarterly run) */
  listPendingLetters: { input: z.object({}), output: z.array(PendingLetterSchema) },
  /** the letter as a PDF in CloudBase storage, a link for a few minutes (the host prints GET /export/letter.pdf) */
  letterPdf: { input: LetterQuerySchema, output: ExportFileSchema },
} as const
