import { z } from 'zod'
import { CALLBACK_STATUSES, CallbackAnswersSchema, MonthKey, RatingReviewSchema } from './callback.schema'

// The call-back and review actions of the station function (src/domain/api/contract.ts), for
// station staff of the site and regulators (policy.ts). docs/callbacks.md.
const SiteId = z.string().min(1).max(64).optional()
const CaseId = z.string({ error: '缺少案件' }).min(1).max(64)

export const CallbackScopeInput = z.object({ siteId: SiteId, month: MonthKey.optional() })
export const CallbackCaseInput = CallbackScopeInput.extend({ caseId: CaseId })

export const CallbackProgressSchema = z.object({
  sampled: z.number().int(),
  completed: z.number().int(),
  unreachable: z.number().int(),
  pending: z.number().int(),
  percent: z.number().int().nullable(),
  meetsGoal: z.boolean().nullable(),
  goalPercent: z.number().int(),
})

export const CallbackItemViewSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  closedAt: z.string(),
  assigneeId: z.string().nullable(),
  /** the assignee's display name; null when nobody but the closer could be assigned */
  assigneeName: z.string().nullable(),
  status: z.enum(CALLBACK_STATUSES),
  statusLabel: z.string(),
  attempts: z.array(z.object({ at: z.string(), by: z.string(), note: z.string() })),
  answers: CallbackAnswersSchema.nullable(),
  doneAt: z.string().nullable(),
})
export type CallbackItemView = z.infer<typeof CallbackItemViewSchema>

export const CallbackListSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  month: z.string(),
  /** false: the month has not been drawn (yet) */
  drawn: z.boolean(),
  dueDate: z.string().nullable(),
  dueExplanation: z.string().nullable(),
  seed: z.string().nullable(),
  populationSize: z.number().int(),
  progress: CallbackProgressSchema,
  items: z.array(CallbackItemViewSchema),
})
export type CallbackList = z.infer<typeof CallbackListSchema>

/** One sampled case to call: with the complainant's name and phone (reading them is logged). */
export const CallbackCaseSchema = z.object({
  month: z.string(),
  dueDate: z.string(),
  item: CallbackItemViewSchema,
  merchantName: z.string(),
  complainant: z.object({ name: z.string(), phone: z.string() }).nullable(),
  /** the caller closed this case: someone else must call */
  callerIsCloser: z.boolean(),
})

export const CallbackAttemptInput = CallbackCaseInput.extend({
  note: z.string({ error: '格式不正确' }).trim().max(200, { error: '说明不能超过200字' }).default(''),
})
export const CallbackCompleteInput = CallbackCaseInput.extend({ answers: CallbackAnswersSchema })

export const CallbackOutcomeSchema = z.object({
  item: CallbackItemViewSchema,
  /** the promise was not kept, or the person is not satisfied: the case should be reopened */
  wantsReopen: z.boolean(),
  /** and it can be: closed, not reopened before, its return visit recorded as not satisfied */
  canReopen: z.boolean(),
  caseVersion: z.number().int().nullable(),
})

export const SiteProgressListSchema = z.object({
  month: z.string(),
  sites: z.array(CallbackProgressSchema.extend({ siteId: z.string(), siteName: z.string() })),
})

export const RatingReviewListSchema = z.object({ items: z.array(RatingReviewSchema) })
export const ReviewRatingInput = z.object({
  eventId: z.string({ error: '缺少评价' }).min(1).max(64),
  findings: z
    .string({ error: '请填写复核发现的问题' })
    .trim()
    .min(2, { error: '请填写复核发现的问题' })
    .max(500, { error: '不能超过500字' }),
  changes: z
    .string({ error: '请填写采取的改进措施' })
    .trim()
    .min(2, { error: '请填写采取的改进措施' })
    .max(500, { error: '不能超过500字' }),
})

export const STATION_CALLBACK_API = {
  /** 回访抽查: a month's sample of the site (default: last month), with its progress against 98 % */
  callbackList: { input: CallbackScopeInput, output: CallbackListSchema },
  callbackCase: { input: CallbackCaseInput, output: CallbackCaseSchema },
  callbackAttempt: { input: CallbackAttemptInput, output: CallbackOutcomeSchema },
  callbackComplete: { input: CallbackCompleteInput, output: CallbackOutcomeSchema },
  /** completion per site of a month (a station: its own; a regulator: every site) */
  callbackProgress: { input: CallbackScopeInput, output: SiteProgressListSchema },
  /** ratings below 80 %: the station head's review list, and the review recorded */
  ratingReviews: { input: z.object({ siteId: SiteId }), output: RatingReviewListSchema },
  reviewRating: { input: ReviewRatingInput, output: RatingReviewSchema },
} as const
