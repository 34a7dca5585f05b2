import { z } from 'zod'
import { ThresholdSchema } from './publication'
import { SiteId } from './public-records-consumer-api'
import { ObjectionListSchema, ObjectionViewSchema } from './public-records-merchant-api'

// 投诉信息公示, the station's side (the station function): the site's threshold and the decisions on the
// shops' objections (its own site; a regulator or an administrator any site). Apart from the public
// page's actions (public-records-consumer-api.ts) so that the shopper's pages do not load them.

const DecisionReason = z
  .string({ error: '请填写处理意见' })
  .trim()
  .min(2, { error: '请填写处理意见' })
  .max(500, { error: '处理意见不能超过500字' })

export const PublicSettingsInputSchema = z.object({ siteId: SiteId.optional() })
export const SavePublicThresholdInputSchema = z.object({ siteId: SiteId.optional(), threshold: ThresholdSchema })
export const PublicSettingsViewSchema = z.object({
  siteId: z.string(),
  threshold: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})

export const ListObjectionsInputSchema = z.object({ siteId: SiteId.optional() })
export const DecideObjectionInputSchema = z.object({
  objectionId: z.string().min(1).max(64),
  uphold: z.boolean({ error: '请选择维持或撤下' }),
  reason: DecisionReason,
})

export const PUBLIC_STATION_API = {
  publicSettings: { input: PublicSettingsInputSchema, output: PublicSettingsViewSchema },
  savePublicThreshold: { input: SavePublicThresholdInputSchema, output: PublicSettingsViewSchema },
  listObjections: { input: ListObjectionsInputSchema, output: ObjectionListSchema },
  decideObjection: { input: DecideObjectionInputSchema, output: ObjectionViewSchema },
} as const
