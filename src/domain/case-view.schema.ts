import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, CaseEventSchema, CaseSchema, ComplainantSchema } from './case.schema'
import { CLOCK_STAGES } from './clocks/case-clock'
import { CLOCK_IDS } from './clocks/clock-rules'
import { EvidenceViewSchema } from './evidence.schema'
import { CASE_ACTIONS } from './workflow/transitions'
import { OUTCOME_CODES } from './workflow/outcomes'

// What the app shows of a case. Built by the functions from the stored case; never carries the
// filer's subject, the idempotency key or the digests.
/** One promise running on a case, as a board or a timeline shows it. */
export const ClockViewSchema = z.object({
  clockId: z.enum(CLOCK_IDS),
  label: z.string(),
  dueAt: z.string(),
  explanation: z.string(),
  provisional: z.boolean(),
  stage: z.enum(CLOCK_STAGES),
  colour: z.enum(['green', 'yellow', 'red']),
  /** paused while the case's mediation is suspended (中止): the colour is the one it had when it paused */
  paused: z.boolean().optional(),
})
export type ClockView = z.infer<typeof ClockViewSchema>

export const CaseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  merchantName: z.string(),
  excerpt: z.string(),
  createdAt: z.string(),
  /** the running clock due soonest, for boards sorted by what is due next */
  nextDue: ClockViewSchema.nullable(),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

export const TimelineEntrySchema = CaseEventSchema.pick({ seq: true, type: true, at: true, note: true, details: true }).extend({
  actorRole: CaseEventSchema.shape.actor.shape.role,
  /** the details in one plain sentence ("商家方案：退款 128元，全额退款") */
  detailText: z.string().nullable(),
  /** files attached to this step, with short-lived links */
  attachments: z.array(EvidenceViewSchema),
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
  /** the files filed with the case (files attached to a later step are listed with that step) */
  evidence: z.array(EvidenceViewSchema),
  timeline: z.array(TimelineEntrySchema),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  /** how long the case may take (goods / services / ordinary / complex) */
  completionKind: CaseSchema.shape.completionKind,
  /** the station asked for someone on site and nobody has checked in yet */
  onSitePending: z.boolean(),
  /** the shopper's last word after a closure, if any */
  satisfaction: CaseSchema.shape.satisfaction,
  /** what the viewer should expect next, in plain words ("预计 10月16日 前告知是否受理"); null when nothing is pending */
  nextStep: z.string().nullable(),
  /** the running clocks (all viewers see when things are due) */
  clocks: z.array(ClockViewSchema),
  /** the steps this viewer may take now: exactly what the policy and the state machine allow */
  actions: z.array(z.enum(CASE_ACTIONS)),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) })
export type CaseList = z.infer<typeof CaseListSchema>
