import { z } from 'zod'

// How a 消费投诉分析建议书 reached the shop (issue 19.3 "Delivery is recorded"): who sent it, when, how.
export const DELIVERY_METHODS = ['站内消息', '打印面交', '微信'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

export const QuarterSchema = z.string().regex(/^20\d{2}-Q[1-4]$/, { error: '季度格式应为 2026-Q1' })

export const LetterDeliverySchema = z.object({
  id: z.string().min(1),
  merchantId: z.string().min(1),
  siteId: z.string().min(1),
  /** "2026-Q1" */
  quarter: QuarterSchema,
  method: z.enum(DELIVERY_METHODS),
  /** the staff member who sent it (staff id) */
  deliveredBy: z.string().min(1),
  deliveredAt: z.iso.datetime({ offset: true }),
})
export type LetterDelivery = z.infer<typeof LetterDeliverySchema>

export const LetterQuerySchema = z.object({
  merchantId: z.string({ error: '缺少商户' }).min(1, { error: '缺少商户' }).max(100),
  quarter: QuarterSchema,
})
export const MerchantIdInput = LetterQuerySchema.pick({ merchantId: true })
export const RecordDeliverySchema = LetterQuerySchema.extend({
  method: z.enum(DELIVERY_METHODS, { error: '请选择送达方式：站内消息、打印面交或微信' }),
})
/** The shop's own summary: which of its shops (a clerk of several); absent: the first */
export const LetterSummaryQuerySchema = z.object({ merchantId: z.string().min(1).max(100).optional() })
