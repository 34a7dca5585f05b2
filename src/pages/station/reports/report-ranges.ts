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

type Progress = { stage?: 'making' | 'receiving'; bytes: number; rows: number | null; total: number | null; expectedBytes?: number | null }

/**
 * "已接收 12 / 40 件" for a CSV, "已接收 35 KB（共 40 件）" for a file whose rows cannot be counted on the way;
 * in the mini-program first "正在生成…" (the cloud function is writing it), then KB of the file's size.
 */
export function progressText(p: Progress): string {
  if (p.stage === 'making') return '正在生成文件，请稍候…'
  const kb = `${Math.max(1, Math.round(p.bytes / 1024))} KB`
  if (p.expectedBytes) {
    const of = `已接收 ${kb} / ${Math.max(1, Math.round(p.expectedBytes / 1024))} KB`
    return p.total !== null ? `${of}（共 ${p.total} 件）` : of
  }
  if (p.rows !== null && p.total !== null) return `已接收 ${Math.min(p.rows, p.total)} / ${p.total} 件（${kb}）`
  return p.total !== null ? `已接收 ${kb}（共 ${p.total} 件）` : `已接收 ${kb}`
}

/** The bar's percentage: rows of the total when counted, else bytes of a known size; otherwise null (activity only). */
export function progressPercent(p: Omit<Progress, 'bytes'> & { bytes?: number }): number | null {
  if (p.expectedBytes && p.bytes !== undefined) return (100 * Math.min(p.bytes, p.expectedBytes)) / p.expectedBytes
  if (p.rows === null || p.total === null) return null
  return p.total === 0 ? 100 : (100 * Math.min(p.rows, p.total)) / p.total
}
