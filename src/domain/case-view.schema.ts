import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, CaseEventSchema } from './case.schema'

// What the app shows of a case. Built by the functions from the stored case; carries no subject or key.
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
  timeline: z.array(TimelineEntrySchema),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) })
export type CaseList = z.infer<typeof CaseListSchema>
