import { z } from 'zod'
import type { Case } from '../case.schema'
import { normalizePhone } from '../phone'
import { LookupInputSchema } from '../lookup-input'

// 举报奖励 (docs/domain.md "Report rewards"). A report closed with a violation found
// (outcome violation_found) opens a reward: the reporter applies with the report number — an
// anonymous reporter through the case number and query code, the same pair that opens the lookup —
// and says how to be reached for the payment. The station decides (granted with an amount, or
// refused with a reason) and the reporter sees the decision. The shop reported never sees any of it:
// no merchant action reads it and no notification about it goes to the shop.
// This file is the reporter's side (the consumer function) and the application they make; the
// station's decision is in report-reward-station.ts, so the shopper's pages do not load it.

export const REWARD_STATUSES = ['applied', 'granted', 'refused'] as const
export type RewardStatus = (typeof REWARD_STATUSES)[number]
export const REWARD_STATUS_LABELS: Record<RewardStatus, string> = {
  applied: '已申请，等待维权站审核',
  granted: '已批准发放奖励',
  refused: '未予奖励',
}

/** May a reward be applied for on this case now? */
export const rewardOpen = (c: Pick<Case, 'kind' | 'status' | 'outcome'>): boolean =>
  c.kind === 'report' && c.status === 'closed' && c.outcome === 'violation_found'

/** How the station reaches the reporter to pay; sealed at rest, shown to the station of the site only. */
export const RewardContactSchema = z.object({
  name: z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(40, { error: '姓名不能超过40字' }),
  phone: z.string({ error: '请填写手机号' }).transform((p, ctx) => {
    const n = normalizePhone(p)
    if (!n) ctx.addIssue({ code: 'custom', message: '请填写11位手机号' })
    return n ?? ''
  }),
})
export type RewardContact = z.infer<typeof RewardContactSchema>

/** The report number and its query code, as the lookup takes them (api/contract.ts LookupInputSchema). */
export const RewardLookupSchema = LookupInputSchema

const Note = z.string({ error: '格式不正确' }).trim().max(500, { error: '说明不能超过500字' }).default('')

/** Through the lookup pair: works for an anonymous reporter on any device. */
export const ApplyRewardInputSchema = z.object({
  lookup: RewardLookupSchema,
  contact: RewardContactSchema,
  note: Note,
})

export const RewardLookupInputSchema = z.object({ lookup: RewardLookupSchema })

/** One application as stored (the contact sealed by the store). */
export const RewardApplicationSchema = z.object({
  caseId: z.string().min(1),
  siteId: z.string().min(1),
  appliedAt: z.iso.datetime({ offset: true }),
  contact: RewardContactSchema,
  note: z.string(),
  status: z.enum(REWARD_STATUSES),
  amountFen: z.number().int().positive().nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
})
export type RewardApplication = z.infer<typeof RewardApplicationSchema>

/** What the reporter sees: the decision, never anyone's details. */
export const ReporterRewardViewSchema = z.object({
  caseNo: z.string(),
  /** can the reporter apply now (a violation was found and nothing applied yet)? */
  canApply: z.boolean(),
  status: z.enum(REWARD_STATUSES).nullable(),
  statusText: z.string(),
  amountFen: z.number().int().nullable(),
  reason: z.string().nullable(),
  appliedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
})
export type ReporterRewardView = z.infer<typeof ReporterRewardViewSchema>

export function reporterRewardView(
  c: Pick<Case, 'caseNo' | 'kind' | 'status' | 'outcome'>,
  app: RewardApplication | null,
): ReporterRewardView {
  const open = rewardOpen(c)
  return {
    caseNo: c.caseNo,
    canApply: open && !app,
    status: app?.status ?? null,
    statusText: app ? REWARD_STATUS_LABELS[app.status] : open ? '举报经查属实，可以申请举报奖励' : '办结且查实违法行为后可申请举报奖励',
    amountFen: app?.amountFen ?? null,
    reason: app?.decisionReason ?? null,
    appliedAt: app?.appliedAt ?? null,
    decidedAt: app?.decidedAt ?? null,
  }
}
