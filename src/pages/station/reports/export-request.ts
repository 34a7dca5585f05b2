// What the 导出与报表 page asks for, said once for both platforms: H5 turns it into the local host's
// GET /export/… path (streamed), the mini-program into the station function's action (a file in
// CloudBase storage and a short-lived link; docs/cloud-exports.md). Pure: no Taro, no fetch.

export type ExportRequest =
  | { job: 'cases'; siteId?: string; from: string; to: string; format: 'xlsx' | 'csv'; personal: boolean; part?: number; until?: string }
  | { job: 'stats'; siteId?: string; from: string; to: string }
  | { job: 'monthly'; siteId?: string; month: string }
  | { job: 'quarterly'; siteId?: string; quarter: string }

export type ExportJob = ExportRequest['job']

const query = (pairs: [string, string | undefined][]) =>
  pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')

/** The host's download route (host/export-routes.ts). */
export function exportPath(r: ExportRequest): string {
  switch (r.job) {
    case 'cases':
      return `/export/cases?${query([
        ['from', r.from],
        ['to', r.to],
        ['format', r.format],
        ['personal', r.personal ? '1' : undefined],
        ['siteId', r.siteId],
      ])}`
    case 'stats':
      return `/export/stats?${query([
        ['from', r.from],
        ['to', r.to],
        ['unit', 'month'],
        ['siteId', r.siteId],
      ])}`
    case 'monthly':
      return `/export/monthly.pdf?${query([
        ['month', r.month],
        ['siteId', r.siteId],
      ])}`
    case 'quarterly':
      return `/export/quarterly.pdf?${query([
        ['quarter', r.quarter],
        ['siteId', r.siteId],
      ])}`
  }
}

const site = (siteId: string | undefined) => (siteId ? { siteId } : {})

/** The station function's action and its input (src/domain/exports/export-api.ts). */
export function exportAction(r: ExportRequest) {
  switch (r.job) {
    case 'cases':
      return {
        action: 'exportCases',
        input: {
          from: r.from,
          to: r.to,
          format: r.format,
          personal: r.personal,
          ...site(r.siteId),
          ...(r.part ? { part: r.part } : {}),
          ...(r.until ? { until: r.until } : {}),
        },
      } as const
    case 'stats':
      return { action: 'exportStats', input: { from: r.from, to: r.to, unit: 'month' as const, ...site(r.siteId) } } as const
    case 'monthly':
      return { action: 'monthlyReport', input: { month: r.month, ...site(r.siteId) } } as const
    case 'quarterly':
      return { action: 'quarterlyReport', input: { quarter: r.quarter, ...site(r.siteId) } } as const
  }
}
