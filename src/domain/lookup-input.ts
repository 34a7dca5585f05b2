import { z } from 'zod'
import { normalizeQueryCode } from './query-code'

// What a person types to open their case (or consultation, or report reward) from any device: the
// number and the query code handed out with it. One definition, so every lookup forgives the same
// way (lower case, spaces, dashes) and answers with the same Chinese messages.
export const QueryCodeInput = z
  .string({ error: '请填写查询码' })
  .transform(normalizeQueryCode)
  .pipe(z.string().min(1, { error: '请填写查询码' }).max(16, { error: '查询码格式不正确' }))

export const LookupInputSchema = z.object({
  caseNo: z
    .string({ error: '请填写案件编号' })
    .trim()
    .toUpperCase()
    .min(1, { error: '请填写案件编号' })
    .max(32, { error: '案件编号格式不正确' }),
  queryCode: QueryCodeInput,
})
