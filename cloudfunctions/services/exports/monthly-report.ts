import { z } from 'zod'
import { fail, ok, type Result } from '../../../src/domain/errors'
import { caseFactsOf, type CaseFacts } from '../../../src/domain/metrics/case-facts'
import { metricsOf } from '../../../src/domain/metrics/metrics'
import { overdueCasesOf, visitProblemsOf, type CaseTimeline } from '../../../src/domain/reports/month-findings'
import { monthlyReport } from '../../../src/domain/reports/monthly-report'
import type { ReportDocument } from '../../../src/domain/reports/report-document'
import { formatShanghaiDateTime } from '../../../src/domain/time'
import { parseWith } from '../../../src/domain/validation'
import type { ServiceContext } from '../context'
import { selectedCaseBundles, startOfDay } from './case-pages'
import { exportScope } from './export-scope'

// 月度工作动态 (issue 18.6): the month's figures (the metric definitions of src/domain/metrics, over the
// cases received in the month), its overdue cases with their reasons and its return-visit problems.
// A promise due in the month may belong to a case received months before (mediation runs 45 working
// days), so the timelines are read back LOOKBACK_DAYS before the month; the figures count only the
// month's own cases. The words are the domain's (src/domain/reports/monthly-report.ts).

export const MonthlyReportSchema = z.object({
  siteId: z.string().min(1).max(100).optional(),
  month: z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM（2000年至2099年）' }),
})

const LOOKBACK_DAYS = 120
const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')
const dayText = (t: Date) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`

/** The first and last Beijing day of "YYYY-MM". */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  return { from: `${month}-01`, to: dayText(new Date(Date.UTC(y, m, 0))) }
}

export async function monthlyReportDocument(ctx: ServiceContext, input: unknown): Promise<Result<ReportDocument>> {
  const parsed = parseWith(MonthlyReportSchema, input)
  if (!parsed.ok) return parsed
  const scope = await exportScope(ctx, 'reports', parsed.data.siteId) // names cases and quotes return visits
  if (!scope.ok) return scope
  const { from, to } = monthDays(parsed.data.month)
  const now = ctx.deps.clock.now()
  if (startOfDay(from).getTime() > now.getTime()) return fail('VALIDATION_FAILED', { month: '这个月还没有开始' })
  const monthEnd = new Date(startOfDay(to).getTime() + DAY_MS)
  const asOf = now.getTime() < monthEnd.getTime() ? now : monthEnd
  const lookbackFrom = dayText(new Date(startOfDay(from).getTime() - LOOKBACK_DAYS * DAY_MS + 8 * 3600_000))

  const timelines: CaseTimeline[] = []
  const facts: CaseFacts[] = []
  // the report names no person: a filer is only counted, keyed by their own subject inside this call
  const options = { asOf, filerKey: (subject: string) => subject }
  for await (const page of selectedCaseBundles(ctx.deps, { siteId: scope.data.site?.id ?? null, from: lookbackFrom, to })) {
    for (const b of page) {
      timelines.push(b)
      const f = caseFactsOf(b.case, b.events, b.clocks, options)
      if (f.day >= from && f.day <= to) facts.push(f)
    }
  }
  const [month] = metricsOf(facts, { by: [] })
  return ok(
    monthlyReport({
      siteName: scope.data.site?.name ?? '全部站点',
      month: parsed.data.month,
      figures: month?.metrics ?? null,
      overdue: overdueCasesOf(timelines, from, to, asOf),
      visitProblems: visitProblemsOf(timelines, from, to),
      printedAt: formatShanghaiDateTime(now),
    }),
  )
}
