import type { CubeRow } from './cubes'
import { byVolumeThenShop, monthTopShopsOf, rankShopsOf, type ShopRanking, type ShopTally } from './shop-ranking'
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

/**
 * The shops that were in their line's top 3 for three consecutive months, the last of which lies in
 * [from, to]. `monthTops` are each line's top shops per month (monthTopShopsOf, or the store's
 * monthTopShops) from two months before `from`.
 */
export function streakOf(monthTops: readonly ShopTally[], from: Day, to: Day): Set<string> {
  const tops = new Map<string, Set<string>>()
  for (const t of [...monthTops].sort(byVolumeThenShop)) {
    const key = `${t.industry}\u241f${t.month ?? ''}`
    const found = tops.get(key) ?? new Set<string>()
    if (found.size < STREAK_TOP) found.add(t.merchant)
    tops.set(key, found)
  }
  const top = (industry: string, month: Day) => tops.get(`${industry}\u241f${month}`) ?? new Set<string>()
  const industries = new Set(monthTops.map((t) => t.industry))
  const marked = new Set<string>()
  for (const industry of industries)
    for (let month = monthStart(from); month <= to; month = addMonths(month, 1)) {
      const months = Array.from({ length: STREAK_MONTHS }, (_, i) => top(industry, addMonths(month, -i)))
      for (const m of months[0]) if (months.every((t) => t.has(m))) marked.add(`${industry}\u241f${m}`)
    }
  return marked
}

/** streakOf from month-grain rows by (industry, merchant), worked out in memory. */
export const streakShops = (monthRows: readonly CubeRow[], from: Day, to: Day): Set<string> =>
  streakOf(monthTopShopsOf(monthRows, STREAK_TOP), from, to)

/**
 * Per industry line (most cases first, equal counts by name), its top shops in the range, from the
 * range's ranking (rankShopsOf, or the store's rankShops) and the months' top shops (for the mark).
 */
export function rankingOf(range: ShopRanking, monthTops: readonly ShopTally[], from: Day, to: Day): IndustryRanking[] {
  const marked = streakOf(monthTops, from, to)
  return [...range.lines]
    .sort((a, b) => b.volume - a.volume || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0))
    .map(({ industry }) => ({
      industry,
      merchants: range.shops
        .filter((t) => t.industry === industry)
        .sort(byVolumeThenShop)
        .slice(0, TOP_N)
        .map((t) => ({ merchantId: t.merchant, volume: t.volume, threeMonthsTop3: marked.has(`${industry}\u241f${t.merchant}`) })),
    }))
}

/**
 * The same from summed rows, in memory: `rangeRows` carry industry and merchant (any grain) and only
 * days of the range; `monthRows` feed the three-month mark.
 */
export const topMerchantsOf = (rangeRows: readonly CubeRow[], monthRows: readonly CubeRow[], from: Day, to: Day): IndustryRanking[] =>
  rankingOf(rankShopsOf(rangeRows, TOP_N), monthTopShopsOf(monthRows, STREAK_TOP), from, to)
