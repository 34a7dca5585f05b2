import { z } from 'zod'
import type { Case } from '../case.schema'
import { ReporterRewardViewSchema, reporterRewardView, type RewardApplication } from './report-reward-reporter'

// 举报奖励, the station's side (the station function; docs/domain.md "Report rewards"): it decides an
// application (granted with an amount, or refused with a reason) and sees how to reach the reporter.
// Apart from the reporter's side (report-reward-reporter.ts) so that the shopper's pages do not load it.

export const DecideRewardInputSchema = z
  .object({
    caseId: z.string({ error: '缺少案件编号' }).min(1).max(64),
    decision: z.enum(['granted', 'refused'], { error: '请选择是否奖励' }),
    /** yuan in fen; required when granted */
    amountFen: z
      .number({ error: '金额格式不正确' })
      .int({ error: '金额格式不正确' })
      .positive({ error: '奖励金额应大于0' })
      .max(100_000_000, { error: '金额过大' })
      .nullable()
      .default(null),
    reason: z.string({ error: '请填写理由' }).trim().min(2, { error: '请填写理由' }).max(500, { error: '理由不能超过500字' }),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'granted' && d.amountFen === null) ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '请填写奖励金额' })
    if (d.decision === 'refused' && d.amountFen !== null)
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: '未予奖励时不填金额' })
  })
export type RewardDecisionInput = z.output<typeof DecideRewardInputSchema>

/** What the station sees: the same plus how to reach the reporter. */
export const StationRewardViewSchema = ReporterRewardViewSchema.extend({
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  note: z.string().nullable(),
})
export type StationRewardView = z.infer<typeof StationRewardViewSchema>

export const stationRewardView = (
  c: Pick<Case, 'caseNo' | 'kind' | 'status' | 'outcome'>,
  app: RewardApplication | null,
): StationRewardView => ({
  ...reporterRewardView(c, app),
  canApply: false, // the station never applies for the reporter
  contact: app ? { name: app.contact.name, phone: app.contact.phone } : null,
  note: app?.note ?? null,
})
