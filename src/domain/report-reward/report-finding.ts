import { z } from 'zod'

// How a report (举报) closes: the station checked what was reported and says whether it found a
// violation. The finding is the case's outcome (outcomes.ts violation_found / no_violation); only a
// violation found opens the reporter's reward (report-reward-reporter.ts).
export const ReportFindingDetailsSchema = z.object({
  kind: z.literal('report_finding'),
  violationFound: z.boolean({ error: '请选择是否查实违法行为' }),
  note: z.string({ error: '格式不正确' }).trim().max(500, { error: '说明不能超过500字' }).default(''),
})
export type ReportFindingDetails = z.infer<typeof ReportFindingDetailsSchema>

export const describeReportFinding = (d: ReportFindingDetails): string =>
  `核查结果：${d.violationFound ? '举报查实，存在违法行为' : '未发现违法行为'}${d.note ? `。${d.note}` : ''}`
