import type { CubeRow } from './cubes'
import { addMonths, monthStart } from './stats-plan'
import type { Day } from './period'

// 被投诉商户排行 (issue 18): per industry line, the 10 shops with the most cases in the range, and which of
// them were among the line's 3 most complained-about shops for three consecutive months ending in the range
// (a shop that stays near the top month after month is what a bureau looks at, not a one-off bad week).
export const TOP_N = 10
export const STREAK_TOP = 3
export const STREAK_MONTHS = 3

export interface RankedMerchant {
  merchantId: string
  volume: number
  threeMonthsTop3: boolean
}

export interface IndustryRanking {
  industry: string
  merchants: RankedMerchant[]
}

type Tally = Map<string, Map<string, number>>

function tally(source: readonly CubeRow[], key: (r: CubeRow) => string): Tally {
  const byKey: Tally = new Map()
  for (const r of source) {
    if (!r.merchant || r.volume === 0) continue // a case without a shop is in no shop's ranking
    const k = key(r)
    const inner = byKey.get(k) ?? new Map<string, number>()
    inner.set(r.merchant, (inner.get(r.merchant) ?? 0) + r.volume)
    byKey.set(k, inner)
  }
  return byKey
}

/** Most cases first; equal counts by shop id, so the order never depends on the store's row order. */
const ranked = (volumes: ReadonlyMap<string, number>) =>
  [...volumes.entries()].filter(([, n]) => n > 0).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))

/**
 * The shops that were in their line's top 3 for three consecutive months, the last of which lies in
 * [from, to]. `monthRows` are month-grain rows by (industry, merchant) from two months before `from`.
 */
export function streakShops(monthRows: readonly CubeRow[], from: Day, to: Day): Set<string> {
  const byIndustryMonth = tally(monthRows, (r) => `${r.industry}\u241f${monthStart(r.day)}`)
  const top = (industry: string, month: Day) =>
    new Set(
      ranked(byIndustryMonth.get(`${industry}\u241f${month}`) ?? new Map())
        .slice(0, STREAK_TOP)
        .map(([m]) => m),
    )
  const industries = new Set(monthRows.map((r) => r.industry))
  const marked = new Set<string>()
  for (const industry of industries)
    for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) {
      const tops = Array.from({ length: STREAK_MONTHS }, (_, i) => top(industry, addMonths(month, -i)))
      for (const m of tops[0]) if (tops.every((t) => t.has(m))) marked.add(`${industry}\u241f${m}`)
    }
  return marked
}

/**
 * Per industry line (most cases first), its top shops in the range. `rangeRows` carry industry and
 * merchant (any grain) and only days of the range; `monthRows` feed the three-month mark.
 */
export function topMerchantsOf(rangeRows: readonly CubeRow[], monthRows: readonly CubeRow[], from: Day, to: Day): IndustryRanking[] {
  const byIndustry = tally(rangeRows, (r) => r.industry)
  const marked = streakShops(monthRows, from, to)
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  return [...byIndustry.entries()]
    .sort(([a, x], [b, y]) => total(y) - total(x) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([industry, volumes]) => ({
      industry,
      merchants: ranked(volumes)
        .slice(0, TOP_N)
        .map(([merchantId, volume]) => ({ merchantId, volume, threeMonthsTop3: marked.has(`${industry}\u241f${merchantId}`) })),
    }))
}
