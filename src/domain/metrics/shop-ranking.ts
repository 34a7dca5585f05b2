import type { CubeRow } from './cubes'
import type { Day } from './period'
import { addTo, repeatsOf, type RepeatCount } from './repeats'

// The bounded answers the statistics page asks the store for (docs/statistics-scale.md). Summing a
// cube by shop answers one row per shop, and the shops grow with the cases: the regulator's top-shops
// query read ~3,000 rows at 1M cases. The ranking and the repeat counts only need a few figures per
// industry line, month or period, so the store works them out (SQL window ranking, CloudBase limited
// aggregations) and answers those. The functions here are the same answers worked out in memory from
// summed cube rows: they are the definition each store is tested against (tests/store/stats.contract.ts).

/** A shop's cases in its industry line (in one month when `month` is set). */
export interface ShopTally {
  industry: string
  merchant: string
  volume: number
  /** the month's 1st, for a month's ranking */
  month?: Day
}

/** An industry line's cases at shops (cases without a shop are in no line's ranking). */
export interface LineVolume {
  industry: string
  volume: number
}

export interface ShopRanking {
  lines: LineVolume[]
  /** per line, its `top` shops (most cases first, equal counts by shop id) */
  shops: ShopTally[]
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Most cases first; equal counts by shop id, so the order never depends on the store's row order. */
export const byVolumeThenShop = (a: ShopTally, b: ShopTally) => b.volume - a.volume || byText(a.merchant, b.merchant)

/** Per (group, shop) sums of rows that name a shop; only shops with cases. */
function tallies(rows: readonly CubeRow[], group: (r: CubeRow) => string): Map<string, ShopTally[]> {
  const sums = new Map<string, ShopTally>()
  for (const r of rows) {
    if (!r.merchant || r.volume === 0) continue
    const key = `${group(r)}\u241f${r.merchant}`
    const found = sums.get(key)
    sums.set(key, found ? { ...found, volume: found.volume + r.volume } : { industry: r.industry, merchant: r.merchant, volume: r.volume })
  }
  const groups = new Map<string, ShopTally[]>()
  for (const [key, t] of sums) {
    if (t.volume <= 0) continue
    const g = key.slice(0, key.lastIndexOf('\u241f'))
    groups.set(g, [...(groups.get(g) ?? []), t])
  }
  return groups
}

/** The store's rankShops, in memory: rows that keep industry and merchant, summed over the range. */
export function rankShopsOf(rows: readonly CubeRow[], top: number): ShopRanking {
  const groups = tallies(rows, (r) => r.industry)
  return {
    lines: [...groups.entries()].map(([industry, shops]) => ({ industry, volume: shops.reduce((s, t) => s + t.volume, 0) })),
    shops: [...groups.values()].flatMap((shops) => [...shops].sort(byVolumeThenShop).slice(0, top)),
  }
}

/** The store's monthTopShops, in memory: month-grain rows by (industry, merchant), the `top` shops of each line and month. */
export function monthTopShopsOf(rows: readonly CubeRow[], top: number): ShopTally[] {
  const groups = tallies(rows, (r) => `${r.industry}\u241f${r.day.slice(0, 7)}-01`)
  return [...groups.entries()].flatMap(([key, shops]) =>
    [...shops]
      .sort(byVolumeThenShop)
      .slice(0, top)
      .map((t) => ({ ...t, month: key.slice(key.lastIndexOf('\u241f') + 1) })),
  )
}

/** One period of the page (its key as periodKey names it; '' for the whole range) and its days, both included. */
export interface PeriodRange {
  period: string
  from: Day
  to: Day
}

/** Repeats (repeats.ts) in one period; periods without any are left out. */
export interface PeriodRepeats extends RepeatCount {
  period: string
}

/** The store's countRepeats, in memory: entries (a day, a key — the shop or the filer — and its cases) tallied per period. */
export function repeatsByPeriodOf(
  entries: readonly { day: Day; key: string; n: number }[],
  periods: readonly PeriodRange[],
): PeriodRepeats[] {
  return periods.flatMap(({ period, from, to }) => {
    const tally = new Map<string, number>()
    for (const e of entries) if (e.day >= from && e.day <= to) addTo(tally, e.key, e.n)
    const count = repeatsOf(tally)
    return count.keys > 0 ? [{ period, ...count }] : []
  })
}
