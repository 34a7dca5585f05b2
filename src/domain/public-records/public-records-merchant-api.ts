import { z } from 'zod'
import { OBJECTION_STATUSES } from './objection'

// 投诉信息公示, the shop's side (the merchant function): its clerks object to the shop's published
// entry. The station reads and decides the same objections (public-records-station-api.ts).

const ObjectionReason = z
  .string({ error: '请填写异议理由' })
  .trim()
  .min(5, { error: '异议理由至少5个字' })
  .max(500, { error: '异议理由不能超过500字' })

export const FileObjectionInputSchema = z.object({
  /** the clerk's shop (default: their first) */
  merchantId: z.string().min(1).max(64).optional(),
  reason: ObjectionReason,
})

/** An objection as its shop and the station see it (the clerk who filed it is not named; decidedBy: the staff member's name for staff, 维权站 for the shop). */
export const ObjectionViewSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  reason: z.string(),
  filedAt: z.string(),
  periodThrough: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  withdrawnThrough: z.string().nullable(),
})
export const ObjectionListSchema = z.object({ items: z.array(ObjectionViewSchema) })

export const MyObjectionsInputSchema = z.object({ merchantId: z.string().min(1).max(64).optional() })

export const PUBLIC_MERCHANT_API = {
  /** 异议: the clerk's shop objects to its published entry, with a reason */
  fileObjection: { input: FileObjectionInputSchema, output: ObjectionViewSchema },
  myObjections: { input: MyObjectionsInputSchema, output: ObjectionListSchema },
} as const
