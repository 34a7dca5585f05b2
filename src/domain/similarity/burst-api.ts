import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES } from '../case.schema'
import { PROBLEM_TYPES } from '../classification'
import { REMEDIES } from '../workflow/event-details'
import { OUTCOME_CODES } from '../workflow/outcomes'
import { BURST_BASES, GroupActionSchema } from './burst-alert.schema'
import { BurstKSchema, BurstWindowHoursSchema } from './burst-settings'

// The station function's 突发消费事件 and 案例推荐 actions (src/domain/api/contract.ts), for station
// staff of the site and regulators (policy.ts). docs/bursts-and-similar-cases.md. Nothing here
// carries a complainant's name, phone or address, or a case's free text.
const Id = (error: string) => z.string({ error }).min(1, { error }).max(64)

export const BurstListInput = z.object({ siteId: z.string().min(1).max(64).optional() })
export const BurstAlertInput = z.object({ alertId: Id('缺少预警') })
export const BurstMediateInput = BurstAlertInput.extend({
  reason: z
    .string({ error: '请填写合并调解的说明' })
    .trim()
    .min(2, { error: '请填写合并调解的说明' })
    .max(500, { error: '说明不能超过500字' }),
})
export const SimilarCasesInput = z.object({ caseId: Id('缺少案件') })
const SiteId = z.string({ error: '请选择站点' }).trim().min(1, { error: '请选择站点' }).max(64)
/** a station its own site (siteId left out); a regulator or an administrator names the site */
export const BurstSettingsInput = z.object({ siteId: SiteId.optional() })
export const SaveBurstSettingsInput = z.object({ siteId: SiteId.optional(), k: BurstKSchema, windowHours: BurstWindowHoursSchema })
/** updatedBy: the staff member's name; null while the site uses the default */
export const BurstSettingsViewSchema = z.object({
  siteId: z.string(),
  k: z.number().int(),
  windowHours: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type BurstSettingsView = z.infer<typeof BurstSettingsViewSchema>

export const BurstCaseRowSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  problemType: z.enum(PROBLEM_TYPES),
  product: z.string(),
  createdAt: z.string(),
})

export const BurstAlertViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  basis: z.enum(BURST_BASES),
  /** the shop's or the product's name */
  subject: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  raisedAt: z.string(),
  cases: z.array(BurstCaseRowSchema),
  /** how many different complainants the group message would reach */
  complainants: z.number().int(),
  messaged: GroupActionSchema.nullable(),
  mediated: GroupActionSchema.nullable(),
})
export type BurstAlertView = z.infer<typeof BurstAlertViewSchema>
export const BurstListSchema = z.object({ alerts: z.array(BurstAlertViewSchema) })

export const BurstMessageResultSchema = z.object({ alertId: z.string(), messaged: z.number().int() })
export const BurstMediateResultSchema = z.object({
  alertId: z.string(),
  results: z.array(z.object({ caseId: z.string(), caseNo: z.string(), ok: z.boolean(), code: z.string().nullable() })),
})

/** One closed case like the one open, as staff may see it: how it was settled, no personal data, no free text. */
export const SimilarCaseSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  problemType: z.enum(PROBLEM_TYPES),
  product: z.string(),
  sameMerchant: z.boolean(),
  closedAt: z.string(),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  outcomeLabel: z.string(),
  /** the remedy of the accepted offer; 'agreement' for a mediation agreement; null when none was recorded */
  remedy: z.enum([...REMEDIES, 'agreement']).nullable(),
  remedyLabel: z.string(),
  amountFen: z.number().int().nullable(),
  score: z.number(),
})
export type SimilarCase = z.infer<typeof SimilarCaseSchema>
export const SimilarCasesSchema = z.object({ caseId: z.string(), scanned: z.number().int(), cases: z.array(SimilarCaseSchema) })

export const STATION_BURST_API = {
  /** 突发消费事件: the site's alerts, newest window first, with their cases */
  burstList: { input: BurstListInput, output: BurstListSchema },
  /** one message to every complainant of the group, once per alert */
  burstMessage: { input: BurstAlertInput, output: BurstMessageResultSchema },
  /** 合并调解: the station steps in to mediate each case of the group (each through the case's own step) */
  burstMediate: { input: BurstMediateInput, output: BurstMediateResultSchema },
  /** 案例推荐: the 3 most similar closed cases of the site */
  similarCases: { input: SimilarCasesInput, output: SimilarCasesSchema },
  /** 预警条件: the site's K and window (default 5 within 24 h) */
  burstSettings: { input: BurstSettingsInput, output: BurstSettingsViewSchema },
  saveBurstSettings: { input: SaveBurstSettingsInput, output: BurstSettingsViewSchema },
}
