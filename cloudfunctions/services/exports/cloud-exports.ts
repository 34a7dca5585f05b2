import { fail, ok, type Result } from '../../../src/domain/errors'
import {
  CLOUD_EXPORT_LINK_MINUTES,
  CLOUD_EXPORT_MAX_ROWS,
  CloudCaseExportInput,
  type ExportFile,
} from '../../../src/domain/exports/export-api'
import { dayOf } from '../../../src/domain/metrics/period'
import type { ReportDocument } from '../../../src/domain/reports/report-document'
import { parseWith } from '../../../src/domain/validation'
import type { ExportOutlet } from '../../ports/export-outlet'
import type { ServiceContext } from '../context'
import { caseExportFileName, countCaseExport, planCaseExport, writeCaseExport } from './case-export'
import { monthlyReportDocument } from './monthly-report'
import { quarterlyReportDocument, statsWorkbook, writeSheets } from './stats-export'

// 导出与报表 as function actions (docs/cloud-exports.md): the host's downloads (host/export-routes.ts)
// made by the same services and writers, but whole in memory, put into storage and answered as a link
// for CLOUD_EXPORT_LINK_MINUTES. Scope and masking are the services' own (export-scope.ts), checked
// before anything is written. A cloud function has a time and memory limit, so a case file holds at
// most CLOUD_EXPORT_MAX_ROWS cases: a larger range is made as several numbered files, one per call.

const TTL_MS = CLOUD_EXPORT_LINK_MINUTES * 60_000

/** Who made a file: only staff reach these actions (policy.ts), so the staff id; the subject otherwise. */
const makerOf = (ctx: ServiceContext) =>
  ctx.caller.staff ? `staff:${ctx.caller.staff.staffId}` : `subject:${ctx.caller.subject ?? 'unknown'}`

function outletOf(ctx: ServiceContext): ExportOutlet | null {
  return ctx.deps.exportOutlet ?? null
}

async function published(
  ctx: ServiceContext,
  outlet: ExportOutlet,
  file: { fileName: string; fileType: ExportFile['fileType']; bytes: Uint8Array; rows: number | null },
): Promise<Result<ExportFile>> {
  const now = ctx.deps.clock.now()
  // the day first: the clean-up removes whole past days (docs/cloud-exports.md)
  const name = `${dayOf(now)}/${ctx.deps.ids.newId()}.${file.fileType}`
  // recorded before it is stored, so that no stored file escapes the sweep (a record of a file that never
  // arrived costs the sweep one delete of nothing)
  await ctx.deps.store.recordExportFile({ name, madeBy: makerOf(ctx), madeAt: now.toISOString() })
  const url = await outlet.publish(name, file.bytes, TTL_MS)
  return ok({
    name,
    url,
    fileName: file.fileName,
    fileType: file.fileType,
    bytes: file.bytes.byteLength,
    rows: file.rows,
    expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
  })
}

const PartInput = CloudCaseExportInput.pick({ part: true, until: true })

/**
 * 导出案件: a range with more cases than CLOUD_EXPORT_MAX_ROWS comes as numbered files of at most that
 * many (`part`, 1 first), in the host's order; the answer says which file this is and how many there are,
 * and the page offers the next, sending back the first file's instant (`until`) so that a case filed in
 * between shifts no file's window. The count comes first, so a file number past the last is refused before
 * anything is read whole or stored. Only the cases written into this file are put on the access log.
 */
export async function cloudCaseExport(ctx: ServiceContext, input: unknown, maxRows = CLOUD_EXPORT_MAX_ROWS): Promise<Result<ExportFile>> {
  const plan = await planCaseExport(ctx, input)
  if (!plan.ok) return plan
  const part = parseWith(PartInput, input)
  if (!part.ok) return part
  const outlet = outletOf(ctx)
  if (!outlet) return fail('EXPORT_UNAVAILABLE')
  // every file of the range counts and reads the cases as they stood when the first was asked for
  const until = part.data.until ?? ctx.deps.clock.now().toISOString()
  const fixed = { ...plan.data, selection: { ...plan.data.selection, until } }
  const total = await countCaseExport(ctx, fixed)
  const of = Math.max(1, Math.ceil(total / maxRows))
  const index = part.data.part
  if (index > of) return fail('VALIDATION_FAILED', { part: `这段时间共有 ${total} 件，只有 ${of} 个文件` })
  let written = 0
  const bytes = await outlet.table(plan.data.format, async (writer) => {
    written = await writeCaseExport(ctx, fixed, writer, { skip: (index - 1) * maxRows, take: maxRows })
  })
  const fileName = caseExportFileName(plan.data, of > 1 ? { index, of } : undefined)
  const file = await published(ctx, outlet, { fileName, fileType: plan.data.format, bytes, rows: written })
  return file.ok && of > 1 ? ok({ ...file.data, part: { index, of, total, until } }) : file
}

/** 导出统计: the statistics' sheets (from the cubes: small whatever the number of cases). */
export async function cloudStatsExport(ctx: ServiceContext, input: unknown): Promise<Result<ExportFile>> {
  const book = await statsWorkbook(ctx, input)
  if (!book.ok) return book
  const outlet = outletOf(ctx)
  if (!outlet) return fail('EXPORT_UNAVAILABLE')
  const bytes = await outlet.table('xlsx', (writer) => writeSheets(writer, book.data.sheets))
  return published(ctx, outlet, { fileName: book.data.fileName, fileType: 'xlsx', bytes, rows: null })
}

/** A report drawn to PDF by the outlet, stored and answered as a link (the reports here, the analysis letter). */
export async function pdfFile(ctx: ServiceContext, made: Result<ReportDocument>, fileName: string): Promise<Result<ExportFile>> {
  if (!made.ok) return made
  const outlet = outletOf(ctx)
  if (!outlet) return fail('EXPORT_UNAVAILABLE')
  const bytes = await outlet.pdf(made.data)
  if (bytes === 'font-missing') return fail('REPORT_FONT_MISSING')
  return published(ctx, outlet, { fileName, fileType: 'pdf', bytes, rows: null })
}

/** 月度工作动态 (PDF). */
export async function cloudMonthlyReport(ctx: ServiceContext, input: { siteId?: string; month: string }): Promise<Result<ExportFile>> {
  return pdfFile(ctx, await monthlyReportDocument(ctx, input), `月度工作动态_${input.month}.pdf`)
}

/** 季度消费投诉形势分析 (PDF). */
export async function cloudQuarterlyReport(ctx: ServiceContext, input: { siteId?: string; quarter: string }): Promise<Result<ExportFile>> {
  return pdfFile(ctx, await quarterlyReportDocument(ctx, input), `消费投诉形势分析_${input.quarter}.pdf`)
}

/**
 * The phone has the file (download.weapp.ts): delete it now. Only its maker may (the record says who);
 * a file already gone — discarded before, or swept — answers the same as a delete. What a phone never
 * discards, the tick deletes after a day (export-sweep.ts).
 */
export async function discardExport(ctx: ServiceContext, name: string): Promise<Result<{ discarded: true }>> {
  const outlet = outletOf(ctx)
  if (!outlet) return fail('EXPORT_UNAVAILABLE')
  const record = await ctx.deps.store.getExportFile(name)
  if (!record) return ok({ discarded: true as const })
  if (record.madeBy !== makerOf(ctx)) return fail('FORBIDDEN')
  await outlet.discard(name)
  await ctx.deps.store.forgetExportFile(name)
  return ok({ discarded: true as const })
}
