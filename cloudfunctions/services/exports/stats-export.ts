import { z } from 'zod'
import { QuarterSchema } from '../../../src/domain/letters/letter-delivery.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import { statsSheets } from '../../../src/domain/exports/stats-sheets'
import { StatsQuerySchema } from '../../../src/domain/metrics/stats-query.schema'
import { quarterDays, quarterlyReport } from '../../../src/domain/reports/quarterly-report'
import type { ReportDocument } from '../../../src/domain/reports/report-document'
import { formatShanghaiDateTime } from '../../../src/domain/time'
import { parseWith } from '../../../src/domain/validation'
import type { TableWriter } from '../../ports/exports'
import type { ServiceContext } from '../context'
import { queryStats } from '../stats-query'

// 导出统计 and 季度消费投诉形势分析 (issue 18.5, 18.6): both are the statistics service's answer
// (services/stats-query.ts: the cubes, never the case table, and its own scope rules — a station its
// site, a regulator or an administrator any), laid out as workbook sheets or as a printed report.

/** The sheets of the statistics, answered before any byte is written (the host's headers depend on it). */
export async function statsWorkbook(ctx: ServiceContext, input: unknown) {
  const query = parseWith(StatsQuerySchema, input)
  if (!query.ok) return query
  const view = await queryStats(ctx, query.data)
  if (!view.ok) return view
  return ok({
    sheets: statsSheets(view.data),
    fileName: `统计_${view.data.siteName ?? '全部站点'}_${view.data.from}至${view.data.to}.xlsx`,
  })
}

export async function writeSheets(writer: TableWriter, sheets: ReturnType<typeof statsSheets>): Promise<void> {
  for (const s of sheets) {
    await writer.sheet(s.name, s.columns)
    await writer.rows(s.rows)
  }
  await writer.end()
}

export const QuarterlyReportSchema = z.object({
  siteId: z.string().min(1).max(64).optional(),
  quarter: QuarterSchema,
})

export async function quarterlyReportDocument(ctx: ServiceContext, input: unknown): Promise<Result<ReportDocument>> {
  const parsed = parseWith(QuarterlyReportSchema, input)
  if (!parsed.ok) return parsed
  const days = quarterDays(parsed.data.quarter)
  if (!days) return fail('VALIDATION_FAILED', { quarter: '季度格式应为 2026-Q1' })
  const view = await queryStats(ctx, { view: 'standard', unit: 'month', siteId: parsed.data.siteId, ...days })
  if (!view.ok) return view
  return ok(quarterlyReport({ quarter: parsed.data.quarter, view: view.data, printedAt: formatShanghaiDateTime(ctx.deps.clock.now()) }))
}
