// The page's default choices, from today's Beijing date: this month so far for exports, last month for
// the monthly report (a month is reported once it is over), last quarter for the quarterly analysis.
const pad = (n: number) => String(n).padStart(2, '0')

export interface Defaults {
  from: string
  to: string
  month: string
  quarter: string
}

export function defaultsFor(now: Date): Defaults {
  const bj = new Date(now.getTime() + 8 * 3600_000)
  const y = bj.getUTCFullYear()
  const m = bj.getUTCMonth() + 1
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`
  const q = Math.floor((m - 1) / 3) + 1
  const lastQuarter = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(bj.getUTCDate())}`, month: lastMonth, quarter: lastQuarter }
}

/** "已接收 12 / 40 件" for a CSV, "已接收 35 KB（共 40 件）" for a file whose rows cannot be counted on the way. */
export function progressText(p: { bytes: number; rows: number | null; total: number | null }): string {
  const kb = `${Math.max(1, Math.round(p.bytes / 1024))} KB`
  if (p.rows !== null && p.total !== null) return `已接收 ${Math.min(p.rows, p.total)} / ${p.total} 件（${kb}）`
  return p.total !== null ? `已接收 ${kb}（共 ${p.total} 件）` : `已接收 ${kb}`
}

/** The bar's percentage: rows of the total when counted; otherwise null (the bar shows activity only). */
export function progressPercent(p: { rows: number | null; total: number | null }): number | null {
  if (p.rows === null || p.total === null) return null
  return p.total === 0 ? 100 : (100 * Math.min(p.rows, p.total)) / p.total
}
