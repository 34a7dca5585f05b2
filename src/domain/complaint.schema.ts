import { z } from 'zod'
import { MerchantCodeSchema } from './merchant.schema'

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000

/** What the shopper's phone sends when they press 提交. Checked in the app and again in the function. */
export const SubmitComplaintSchema = z.object({
  merchantCode: MerchantCodeSchema,
  description: z
    .string({ error: '请填写投诉内容' })
    .trim()
    .min(1, { error: '请填写投诉内容' })
    .min(DESCRIPTION_MIN, { error: `请至少写${DESCRIPTION_MIN}个字，说清楚发生了什么` })
    .max(DESCRIPTION_MAX, { error: `投诉内容不能超过${DESCRIPTION_MAX}字` }),
  /** one per draft, made on the phone: a retried submit returns the first case instead of a second */
  idempotencyKey: z
    .string({ error: '缺少提交编号，请刷新后重试' })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '提交编号格式不正确' }),
})
export type SubmitComplaintInput = z.infer<typeof SubmitComplaintSchema>
