// The shape of what the extractor proposes, as a schema: tests and the evaluation check every result
// against it, and a caller receiving an extraction over the wire can validate it the same way.
import { z } from 'zod'
import { DEMANDS, PROBLEM_TYPES } from '../classification'
import { INDUSTRY_LINES } from '../industry'

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/
const PARTIAL_DATE = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$/
const YUAN = /^\d{1,9}(\.\d{1,2})?$/

const proposed = <T extends z.ZodType>(value: T) =>
  z.object({ value, confidence: z.number().min(0).max(1), evidence: z.string() }).nullable()

export const UrgencySchema = z.object({
  level: z.enum(['特急', '紧急', '一般']),
  signals: z.object({ injury: z.boolean(), group: z.boolean(), visitor: z.boolean(), happeningNow: z.boolean() }),
})

export const ExtractionSchema = z.object({
  shopName: proposed(z.string().min(1).max(100)),
  shopCode: proposed(z.string().min(1)),
  merchant: proposed(z.string().min(1).max(100)),
  purchaseTime: proposed(z.string().regex(LOCAL_TIME)),
  purchaseDate: proposed(z.string().regex(PARTIAL_DATE)),
  amountYuan: proposed(z.string().regex(YUAN)),
  product: proposed(z.string().min(1).max(100)),
  demands: proposed(z.array(z.enum(DEMANDS)).min(1)),
  problemType: proposed(z.enum(PROBLEM_TYPES)),
  industry: proposed(z.enum(INDUSTRY_LINES)),
  urgency: UrgencySchema,
})
