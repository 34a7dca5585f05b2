import { z } from 'zod'
import { CASE_COLUMNS, caseRow, type ComplainantColumns } from '../../../src/domain/exports/case-columns'
import { ok, type Result } from '../../../src/domain/errors'
import type { Merchant } from '../../../src/domain/merchant.schema'
import { parseWith } from '../../../src/domain/validation'
import { TABLE_FORMATS, type TableWriter } from '../../ports/exports'
import { logAccess } from '../access-log'
import type { ServiceContext } from '../context'
import { countSelectedCases, selectedCaseBundles, type CaseSelection, type CaseWindow } from './case-pages'
import { ExportRangeSchema, exportScope } from './export-scope'

// 导出案件: the work-order columns (src/domain/exports/case-columns.ts) of every case the caller may see
// that reached us in the range, written page by page to a table writer. Complainants are masked unless
// the caller asked for them and its role may see them; then every exported case is put on record in the
// access log before its row is written — a case whose logging failed is never sent.

export const CaseExportSchema = ExportRangeSchema.and(
  z.object({
    format: z.enum(TABLE_FORMATS),
    /** 含投诉人信息: only honoured for a role that may see it (and then logged per case) */
    personal: z.boolean().default(false),
  }),
)
export type CaseExportInput = z.input<typeof CaseExportSchema>

export const ACCESS_PURPOSE = 'export.cases'

export interface CaseExportPlan {
  selection: CaseSelection
  complainant: ComplainantColumns
  viewer: { role: string; id: string }
  format: z.infer<typeof CaseExportSchema>['format']
  /** for the file name: the site's name, or 全部站点 */
  siteName: string
}

/** Who may export which cases: checked before any byte is sent (the host's headers depend on it). */
export async function planCaseExport(ctx: ServiceContext, input: unknown, pageSize?: number): Promise<Result<CaseExportPlan>> {
  const parsed = parseWith(CaseExportSchema, input)
  if (!parsed.ok) return parsed
  const { siteId, from, to, format, personal } = parsed.data
  const scope = await exportScope(ctx, 'cases', siteId)
  if (!scope.ok) return scope
  const { staff, site, maySeePersonalData } = scope.data
  return ok({
    selection: { siteId: site?.id ?? null, from, to, pageSize },
    complainant: personal && maySeePersonalData ? 'full' : 'masked',
    viewer: { role: staff.role, id: staff.staffId },
    format,
    siteName: site?.name ?? '全部站点',
  })
}

/** How many cases the export will hold: the page's progress bar knows its end from this. */
export const countCaseExport = (ctx: ServiceContext, plan: CaseExportPlan) => countSelectedCases(ctx.deps, plan.selection)

/** Write the export (or one window of it); answers how many cases it holds. The writer is fed one store page at a time. */
export async function writeCaseExport(
  ctx: ServiceContext,
  plan: CaseExportPlan,
  writer: TableWriter,
  window?: CaseWindow,
): Promise<number> {
  const { deps } = ctx
  const asOf = deps.clock.now()
  const merchants = new Map<string, Promise<Merchant | null>>()
  const merchantOf = (id: string) => {
    const known = merchants.get(id)
    if (known) return known
    const read = deps.store.getMerchant(id)
    merchants.set(id, read)
    return read
  }
  let written = 0
  await writer.sheet('案件', CASE_COLUMNS)
  for await (const page of selectedCaseBundles(deps, plan.selection, window)) {
    if (plan.complainant === 'full') {
      for (const b of page) if (b.case.complainant) await logAccess(deps, b.case.id, plan.viewer, ACCESS_PURPOSE)
    }
    const rows = await Promise.all(
      page.map(async (b) => caseRow({ ...b, merchant: await merchantOf(b.case.merchantId), complainant: plan.complainant, asOf })),
    )
    await writer.rows(rows)
    written += rows.length
  }
  await writer.end()
  return written
}

/** The download's file name: 案件导出_星河广场_2026-03-01至2026-03-31.xlsx (…_第2个共3个.xlsx for one of several files) */
export const caseExportFileName = (plan: CaseExportPlan, part?: { index: number; of: number }) =>
  `案件导出_${plan.siteName}_${plan.selection.from}至${plan.selection.to}${part ? `_第${part.index}个共${part.of}个` : ''}.${plan.format}`
