import { PROBLEM_TYPES } from '../classification'
import type { Metrics } from '../metrics/group'
import { metricsFromRollups, type RollupRow } from '../metrics/rollup'
import { OUTCOME_CODES, OUTCOME_LABELS } from '../workflow/outcomes'
import { adviceFor, type Advice } from './advice-library'

// 消费投诉分析建议书 (issue 19.3): one shop's complaints of a period, put together from statistics rows
// (the cubes; never the case table): by problem type, the shop's 45-minute answer against its commitment
// (met / missed), outcomes, satisfaction, the three most frequent problems with advice from the library,
// and the shop set beside its industry line on the same site. Figures in, letter out: no clock, no I/O.
//
// Only complaints (投诉) count. A report (举报) must never reach the shop it names — not as a case, and not
// as a number in a letter the shop receives — so rows of any other kind are dropped here, whatever the
// caller asked the store for.

export const TOP_PROBLEMS = 3

export interface LetterInput {
  merchant: { name: string; code: string; industry: string }
  siteName: string
  /** "2026年第一季度" or "2026-01-01 至 2026-02-15" */
  periodLabel: string
  /** the shop's rows in the period, split at least by problemType and kind */
  merchantRows: readonly RollupRow[]
  /** the industry line's rows on the same site, split at least by kind */
  industryRows: readonly RollupRow[]
  /** how many shops of the line on the site had complaints in the period */
  industryMerchants: number
}

export interface ProblemLine {
  problemType: string
  volume: number
  /** "40%" of the shop's complaints */
  share: string
}

export interface TopProblem extends ProblemLine {
  advice: readonly Advice[]
}

export interface Comparison {
  label: string
  merchant: string
  industry: string
  /** 高于 / 低于 / 持平 / 无法比较, read for the shop ("good" or "bad" depends on the figure) */
  verdict: string
}

export interface AnalysisLetter {
  merchant: LetterInput['merchant']
  siteName: string
  periodLabel: string
  volume: number
  byProblem: ProblemLine[]
  response: { met: number; missed: number; rate: string }
  outcomes: { label: string; count: number }[]
  satisfaction: { rated: number; rate: string }
  top: TopProblem[]
  comparison: Comparison[]
}

const complaintsOnly = (rows: readonly RollupRow[]): RollupRow[] => rows.filter((r) => r.kind === 'complaint')

function metricsOf(rows: readonly RollupRow[]): Metrics | null {
  const [whole] = metricsFromRollups({ rows: complaintsOnly(rows), filers: [] }, { by: [] })
  return whole && whole.metrics.volume > 0 ? whole.metrics : null
}

const shareOf = (n: number, total: number) => (total > 0 ? `${Math.round((n * 100) / total)}%` : '无数据')
const order = (t: string) => {
  const i = (PROBLEM_TYPES as readonly string[]).indexOf(t)
  return i < 0 ? PROBLEM_TYPES.length : i
}

function problemsOf(rows: readonly RollupRow[], total: number): ProblemLine[] {
  const byType = new Map<string, number>()
  for (const r of complaintsOnly(rows)) byType.set(r.problemType || '其他', (byType.get(r.problemType || '其他') ?? 0) + r.volume)
  return [...byType.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a, n], [b, m]) => m - n || order(a) - order(b)) // most first; a tie in the product's list order
    .map(([problemType, volume]) => ({ problemType, volume, share: shareOf(volume, total) }))
}

/** Compare a rate where more is better (answered in time, satisfied, settled). */
function compareRate(label: string, shop: Metrics['merchant45'] | undefined, line: Metrics['merchant45'] | undefined): Comparison {
  const a = shop?.percent ?? null
  const b = line?.percent ?? null
  const verdict = a === null || b === null ? '无法比较' : a > b ? '高于行业' : a < b ? '低于行业' : '与行业持平'
  return { label, merchant: shop?.label ?? '无数据', industry: line?.label ?? '无数据', verdict }
}

export function composeLetter(input: LetterInput): AnalysisLetter {
  const shop = metricsOf(input.merchantRows)
  const line = metricsOf(input.industryRows)
  const volume = shop?.volume ?? 0
  const byProblem = problemsOf(input.merchantRows, volume)
  const perShop = line && input.industryMerchants > 0 ? line.volume / input.industryMerchants : null
  const volumeVerdict =
    perShop === null ? '无法比较' : volume > perShop ? '多于行业平均' : volume < perShop ? '少于行业平均' : '与行业平均持平'
  return {
    merchant: input.merchant,
    siteName: input.siteName,
    periodLabel: input.periodLabel,
    volume,
    byProblem,
    response: {
      met: shop?.merchant45.numerator ?? 0,
      missed: shop ? shop.merchant45.denominator - shop.merchant45.numerator : 0,
      rate: shop?.merchant45.label ?? '无数据',
    },
    outcomes: OUTCOME_CODES.map((code) => ({ label: OUTCOME_LABELS[code], count: shop?.closedByOutcome[code] ?? 0 })).filter(
      (o) => o.count > 0,
    ),
    satisfaction: { rated: shop?.satisfaction.denominator ?? 0, rate: shop?.satisfaction.label ?? '无数据' },
    top: byProblem.slice(0, TOP_PROBLEMS).map((p) => ({ ...p, advice: adviceFor(p.problemType) })),
    comparison: [
      {
        label: '投诉件数',
        merchant: `${volume} 件`,
        industry: perShop === null ? '无数据' : `平均每户 ${Math.round(perShop * 10) / 10} 件`,
        verdict: volumeVerdict,
      },
      compareRate('45分钟内响应率', shop?.merchant45, line?.merchant45),
      compareRate('自行和解率', shop?.selfSettlement, line?.selfSettlement),
      compareRate('满意率', shop?.satisfaction, line?.satisfaction),
    ],
  }
}

/** What the shop's home page shows: the top problems with one line of advice each. */
export interface LetterSummary {
  periodLabel: string
  volume: number
  top: { problemType: string; volume: number; advice: string }[]
}

export const letterSummary = (letter: AnalysisLetter): LetterSummary => ({
  periodLabel: letter.periodLabel,
  volume: letter.volume,
  top: letter.top.map((p) => ({ problemType: p.problemType, volume: p.volume, advice: p.advice[0]?.text ?? '' })),
})
