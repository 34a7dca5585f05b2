import { z } from 'zod'

// The monthly call-back sample (回访抽查, docs/callbacks.md): one record per site and month, holding
// what is needed to re-run the draw (the seed and the population it was drawn from) and, per sampled
// case, who calls back, every try, and how it ended. Nothing here is personal data: case ids, staff
// ids and the answers to the four questions; the complainant's phone stays on the case.
const Instant = z.iso.datetime({ offset: true })

/** 'YYYY-MM', the Beijing calendar month */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式不正确' })

export const CALLBACK_STATUSES = ['pending', 'completed', 'unreachable'] as const
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number]
export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  pending: '待回访',
  completed: '已回访',
  unreachable: '无法联系',
}

/** The four must-ask questions, plus "is anything still unresolved" (docs/domain.md "Return visits"). */
export const CallbackAnswersSchema = z.object({
  knowsResult: z.boolean({ error: '请选择是否知晓处理结果' }),
  promiseKept: z.boolean({ error: '请选择商家是否履行承诺' }),
  satisfied: z.boolean({ error: '请选择是否满意' }),
  improve: z.string({ error: '格式不正确' }).trim().max(500, { error: '建议不能超过500字' }).default(''),
  unresolved: z.string({ error: '格式不正确' }).trim().max(500, { error: '说明不能超过500字' }).default(''),
})
export type CallbackAnswers = z.infer<typeof CallbackAnswersSchema>

/** One try to reach the complainant that did not get through. */
export const CallbackAttemptSchema = z.object({
  at: Instant,
  by: z.string().min(1),
  note: z.string(),
})
export type CallbackAttempt = z.infer<typeof CallbackAttemptSchema>

export const CallbackItemSchema = z.object({
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  /** who closed the case (a staff id, or 'system'): never its caller-back */
  closerId: z.string().min(1),
  closedAt: Instant,
  /** null: nobody of the site but the closer could be found (the page says so) */
  assigneeId: z.string().nullable(),
  status: z.enum(CALLBACK_STATUSES),
  attempts: z.array(CallbackAttemptSchema),
  answers: CallbackAnswersSchema.nullable(),
  /** who recorded the outcome (completed or unreachable), and when */
  doneBy: z.string().nullable(),
  doneAt: Instant.nullable(),
  /** the return-visit event the answers were written to on the case's timeline */
  eventId: z.string().nullable(),
})
export type CallbackItem = z.infer<typeof CallbackItemSchema>

export const CallbackSampleSchema = z.object({
  siteId: z.string().min(1),
  /** the month whose closed complaints were drawn from */
  month: MonthKey,
  /** hex; with `population` it reproduces the draw (callback-draw.ts) */
  seed: z.string().min(1),
  /** every closed complaint of that month, sorted by id: what the draw chose from */
  population: z.array(z.string().min(1)),
  drawnAt: Instant,
  /** the Beijing day the call-backs are due by (callback-due.ts), and its end as an instant */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dueAt: Instant,
  dueExplanation: z.string(),
  /** in the order the draw chose them */
  items: z.array(CallbackItemSchema),
  /** bumped by every write: two people recording at once cannot overwrite each other */
  version: z.number().int().nonnegative(),
})
export type CallbackSample = z.infer<typeof CallbackSampleSchema>

/** A rating below the line (rating-review.ts), on the station head's list until reviewed. */
export const RatingReviewSchema = z.object({
  /** the `rated` event: one review per rating */
  eventId: z.string().min(1),
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  siteId: z.string().min(1),
  ratedAt: Instant,
  speed: z.number().int().min(1).max(5),
  professionalism: z.number().int().min(1).max(5),
  attitude: z.number().int().min(1).max(5),
  satisfied: z.boolean(),
  /** (speed + professionalism + attitude) / 15, in whole per cent */
  percent: z.number().int().min(0).max(100),
  status: z.enum(['open', 'reviewed']),
  /** what the review found, and what was changed because of it */
  findings: z.string().nullable(),
  changes: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: Instant.nullable(),
})
export type RatingReview = z.infer<typeof RatingReviewSchema>
