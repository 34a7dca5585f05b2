import type { StatsView } from '../metrics/stats-view.schema'
import type { ReportDocument } from './report-document'
import { figuresBlock, periodTitle } from './report-figures'

// 消费投诉形势分析 (issue 18.6): the quarter as the statistics service answers it (StatsView, by month):
// the quarter's figures, the trend month by month, the hot industry lines and problem types, and the
// shop ranking with the shops that stayed in their line's top 3 for three months. Only words here.

const HOT = 5

export interface QuarterlyReportInput {
  /** "2026-Q1" */
  quarter: string
  view: StatsView
  printedAt: string
}

const share = (n: number, total: number) => (total > 0 ? `${Math.floor((n * 1000) / total) / 10}%` : '无数据')

export function quarterlyReport({ quarter, view, printedAt }: QuarterlyReportInput): ReportDocument {
  const title = periodTitle(quarter)
  const site = view.siteName ?? '全部站点'
  const total = view.total.volume
  const hotIndustries = [...view.byIndustry]
    .filter((c) => c.volume > 0)
    .sort((a, b) => b.volume - a.volume)
    .slice(0, HOT)
  const hotProblems = [...view.byProblemType]
    .filter((c) => c.volume > 0)
    .sort((a, b) => b.volume - a.volume)
    .slice(0, HOT)
  const first = view.periods[0]?.metrics.volume ?? 0
  const last = view.periods[view.periods.length - 1]?.metrics.volume ?? 0
  const trend =
    view.periods.length < 2
      ? '本季度只有一个月的数据。'
      : last > first
        ? '受理量逐月上升，需关注。'
        : last < first
          ? '受理量较季初下降。'
          : '受理量与季初持平。'
  return {
    title: `${title}消费投诉形势分析`,
    subtitle: `${site} · ${view.from} 至 ${view.to}`,
    footer: `${site} ${title}消费投诉形势分析 · 打印于 ${printedAt}`,
    blocks: [
      { kind: 'heading', text: '一、总体情况' },
      figuresBlock(total > 0 ? view.total : null),
      { kind: 'heading', text: '二、趋势' },
      { kind: 'paragraph', text: trend },
      {
        kind: 'table',
        columns: ['月份', '受理量', '24小时响应率', '按期办结率', '调解成功率', '满意率'],
        rows: view.periods.map((p) => [
          periodTitle(p.period),
          String(p.metrics.volume),
          p.metrics.response24h.label,
          p.metrics.completionOnTime.label,
          p.metrics.mediationSuccess.label,
          p.metrics.satisfaction.label,
        ]),
        empty: '本季度没有数据',
      },
      { kind: 'heading', text: '三、热点行业与问题' },
      {
        kind: 'table',
        columns: ['行业', '受理量', '占比'],
        rows: hotIndustries.map((c) => [c.key, String(c.volume), share(c.volume, total)]),
        empty: '本季度没有投诉举报',
      },
      {
        kind: 'table',
        columns: ['问题类别', '受理量', '占比'],
        rows: hotProblems.map((c) => [c.key, String(c.volume), share(c.volume, total)]),
        empty: '本季度没有投诉举报',
      },
      { kind: 'heading', text: '四、被投诉商户排行' },
      {
        kind: 'table',
        columns: ['行业', '名次', '商户', '受理量', '连续三个月居行业前三'],
        widths: [1, 0.6, 2, 0.8, 1.4],
        rows: view.topMerchants.flatMap((line) =>
          line.merchants.map((m, i) => [line.industry, String(i + 1), m.name, String(m.volume), m.threeMonthsTop3 ? '是' : '']),
        ),
        empty: '本季度没有被投诉商户',
      },
    ],
  }
}

/** "2026-Q1" → its first and last day. */
export function quarterDays(quarter: string): { from: string; to: string } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter)
  if (!m) return null
  const y = Number(m[1])
  const q = Number(m[2])
  const endMonth = q * 3
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate()
  return { from: `${y}-${String(endMonth - 2).padStart(2, '0')}-01`, to: `${y}-${String(endMonth).padStart(2, '0')}-${lastDay}` }
}
