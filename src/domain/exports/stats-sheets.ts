import type { MetricsView, StatsView } from '../metrics/stats-view.schema'
import { OUTCOME_LABELS, OUTCOME_CODES } from '../workflow/outcomes'
import { formatShanghaiDateTime } from '../time'
import type { Cell } from './case-columns'
import { RATE_LABELS } from '../metrics/rate-labels'

// 导出统计: the statistics page's answer (services/stats-query.ts, StatsView) as workbook sheets — the
// figures per period with the total, cases per week, per industry line, per problem type, the shop ranking
// and the weekday × hour heat map. Rates go out as their label (95.83% / 无数据) with the fraction beside it,
// so a reader can check the sum; nothing is computed here that the statistics service did not answer.

export interface Sheet {
  name: string
  columns: readonly string[]
  rows: readonly (readonly Cell[])[]
}

const RATES = RATE_LABELS

export const FIGURE_COLUMNS: readonly string[] = [
  '期间',
  '受理量',
  ...RATES.flatMap(([, label]) => [label, `${label}（分子/分母）`]),
  '评价均分（速度/专业/态度）',
  ...OUTCOME_CODES.map((c) => `办结：${OUTCOME_LABELS[c]}`),
  '撤回',
  '重新处理',
  '挽回经济损失（元）',
  '重复投诉商户（户/件）',
  '重复投诉人（人/件）',
]

function figureRow(period: string, m: MetricsView): Cell[] {
  return [
    period,
    m.volume,
    ...RATES.flatMap(([key]) => [m[key].label, `${m[key].numerator}/${m[key].denominator}`]),
    `${m.averages.speed.label}/${m.averages.professionalism.label}/${m.averages.attitude.label}`,
    ...OUTCOME_CODES.map((c) => m.closedByOutcome[c] ?? 0),
    m.withdrawn,
    m.reopened,
    m.moneyRecoveredFen / 100,
    `${m.repeatMerchants.keys}/${m.repeatMerchants.cases}`,
    `${m.repeatComplainants.keys}/${m.repeatComplainants.cases}`,
  ]
}

export function statsSheets(view: StatsView): Sheet[] {
  const sheets: Sheet[] = [
    {
      name: '说明',
      columns: ['项目', '内容'],
      rows: [
        ['站点', view.siteName ?? '全部站点'],
        ['期间', `${view.from} 至 ${view.to}`],
        // figures are exact as of the last refresh of the statistics (the cubes), said on the page too
        ['统计截至', view.watermark ? formatShanghaiDateTime(view.watermark) : '尚未汇总'],
        // 按标签 (docs/tags.md): what a tag filter answers, and why the tag sheet does not add up
        ...(view.tag ? [['标签', `仅统计带“${view.tag.name}”标签的案件（按整月；不统计重复投诉人和重复投诉商户）`]] : []),
        ...(view.byTag ? [['按标签', '一件案件有几个标签就计入几个标签，各标签受理量之和不等于总受理量']] : []),
      ],
    },
    {
      name: '分期指标',
      columns: FIGURE_COLUMNS,
      rows: [...view.periods.map((p) => figureRow(p.period, p.metrics)), figureRow('合计', view.total)],
    },
    { name: '按周受理量', columns: ['周（周一）', '受理量'], rows: view.weekly.map((w) => [w.key, w.volume]) },
    { name: '按行业', columns: ['行业', '受理量'], rows: view.byIndustry.map((c) => [c.key, c.volume]) },
    { name: '按问题类别', columns: ['问题类别', '受理量'], rows: view.byProblemType.map((c) => [c.key, c.volume]) },
    {
      name: '被投诉商户排行',
      columns: ['行业', '名次', '商户', '受理量', '连续三个月前三'],
      rows: view.topMerchants.flatMap((line) =>
        line.merchants.map((m, i) => [line.industry, i + 1, m.name, m.volume, m.threeMonthsTop3 ? '是' : '']),
      ),
    },
  ]
  if (view.byTag) sheets.push({ name: '按标签', columns: ['标签', '受理量'], rows: view.byTag.bars.map((b) => [b.name, b.volume]) })
  if (view.heatMap) {
    sheets.push({
      name: '星期×时段',
      columns: ['星期', '时段', '受理量'],
      rows: view.heatMap.cells.map((c) => [`星期${'一二三四五六日'[c.weekday - 1]}`, `${c.hour}:00–${c.hour}:59`, c.volume]),
    })
  }
  return sheets
}
