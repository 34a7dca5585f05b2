import { z } from 'zod'
import { OBJECTION_STATUSES } from './objection'
import { PublicRecordsViewSchema, ThresholdSchema } from './publication'

// The actions of 投诉信息公示: the public page (anyone), the shop's objection (its clerks), the
// station's threshold and decisions (its own site; a regulator or an administrator any site).

const SiteId = z.string({ error: '请选择站点' }).trim().min(1, { error: '请选择站点' }).max(64)
const ObjectionReason = z
  .string({ error: '请填写异议理由' })
  .trim()
  .min(5, { error: '异议理由至少5个字' })
  .max(500, { error: '异议理由不能超过500字' })
const DecisionReason = z
  .string({ error: '请填写处理意见' })
  .trim()
  .min(2, { error: '请填写处理意见' })
  .max(500, { error: '处理意见不能超过500字' })

export const PublicRecordsInputSchema = z.object({ siteId: SiteId })
export { PublicRecordsViewSchema }

export const PublicSettingsInputSchema = z.object({ siteId: SiteId.optional() })
export const SavePublicThresholdInputSchema = z.object({ siteId: SiteId.optional(), threshold: ThresholdSchema })
export const PublicSettingsViewSchema = z.object({
  siteId: z.string(),
  threshold: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})

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
export const ListObjectionsInputSchema = z.object({ siteId: SiteId.optional() })
export const DecideObjectionInputSchema = z.object({
  objectionId: z.string().min(1).max(64),
  uphold: z.boolean({ error: '请选择维持或撤下' }),
  reason: DecisionReason,
})

export const PUBLIC_CONSUMER_API = {
  /** 投诉信息公示: the page of a site, for anyone */
  publicRecords: { input: PublicRecordsInputSchema, output: PublicRecordsViewSchema },
} as const

export const PUBLIC_MERCHANT_API = {
  /** 异议: the clerk's shop objects to its published entry, with a reason */
  fileObjection: { input: FileObjectionInputSchema, output: ObjectionViewSchema },
  myObjections: { input: MyObjectionsInputSchema, output: ObjectionListSchema },
} as const

export const PUBLIC_STATION_API = {
  publicSettings: { input: PublicSettingsInputSchema, output: PublicSettingsViewSchema },
  savePublicThreshold: { input: SavePublicThresholdInputSchema, output: PublicSettingsViewSchema },
  listObjections: { input: ListObjectionsInputSchema, output: ObjectionListSchema },
  decideObjection: { input: DecideObjectionInputSchema, output: ObjectionViewSchema },
} as const
