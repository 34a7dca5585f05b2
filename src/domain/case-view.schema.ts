import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, CaseEventSchema, CaseSchema, ComplainantSchema } from './case.schema'
import { EvidenceViewSchema } from './evidence.schema'

// What the app shows of a case. Built by the functions from the stored case; never carries the
// filer's subject, the idempotency key or the digests.
export const CaseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  merchantName: z.string(),
  excerpt: z.string(),
  createdAt: z.string(),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

export const TimelineEntrySchema = CaseEventSchema.pick({ seq: true, type: true, at: true, note: true }).extend({
  actorRole: CaseEventSchema.shape.actor.shape.role,
})
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>

export const CaseDetailSchema = CaseSummarySchema.extend({
  description: z.string(),
  problemType: CaseSchema.shape.problemType,
  industry: CaseSchema.shape.industry,
  demands: CaseSchema.shape.demands,
  amountFen: CaseSchema.shape.amountFen,
  product: z.string(),
  purchaseTime: z.string(),
  /** full for the filer on their own device, masked for a lookup by code, null when anonymous */
  complainant: ComplainantSchema.nullable(),
  evidence: z.array(EvidenceViewSchema),
  timeline: z.array(TimelineEntrySchema),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) })
export type CaseList = z.infer<typeof CaseListSchema>
