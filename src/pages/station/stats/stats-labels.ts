import type { MetricsView } from '../../../domain/metrics/stats-view.schema'
import { RATE_LABELS } from '../../../domain/metrics/rate-labels'

// The figures' names on the page and how each cell reads. A rate shows its fraction beside the percentage
// ("95.83%（23/24）"), so a reader sees how many cases it rests on; a rate with nothing to count reads 无数据.
type Rate = MetricsView['response24h']
const rateText = (r: Rate) => (r.percent === null ? r.label : `${r.label}（${r.numerator}/${r.denominator}）`)

/** 12,345.60: fen as yuan with two decimals. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`
}

const RATES = RATE_LABELS

/** The figures table's columns after the period, each with how to read it from a group's metrics. */
export const FIGURE_COLUMNS: [string, (m: MetricsView) => string | number][] = [
  ['受理量（件）', (m) => m.volume],
  ...RATES.map(([key, label]): [string, (m: MetricsView) => string] => [label, (m) => rateText(m[key])]),
  ['挽回经济损失（元）', (m) => yuan(m.moneyRecoveredFen)],
  ['撤回（件）', (m) => m.withdrawn],
  ['重复投诉人（人/件）', (m) => `${m.repeatComplainants.keys}/${m.repeatComplainants.cases}`],
  ['重复被投诉商户（户/件）', (m) => `${m.repeatMerchants.keys}/${m.repeatMerchants.cases}`],
]

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** "2026-02-16周" → "2月16日起" for the axis (the key stays in the table's first column). */
export const weekLabel = (key: string) => `${Number(key.slice(5, 7))}月${Number(key.slice(8, 10))}日`
