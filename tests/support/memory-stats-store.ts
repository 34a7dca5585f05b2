import type {
  CubeQuery,
  RepeatQuery,
  SavedStatsQuery,
  ShopRankQuery,
  StatsPending,
  StatsStore,
} from '../../cloudfunctions/ports/stats-store'
import type { CaseFacts } from '../../src/domain/metrics/case-facts'
import { addCounters } from '../../src/domain/metrics/counters'
import { caseContributionOf, cubeRowKey, cubeRowsOf, mergeCubeRows, type CubeRow } from '../../src/domain/metrics/cubes'
import { DIMENSIONS, type DimensionValues } from '../../src/domain/metrics/dimensions'
import { rollupOf, type FilerRow } from '../../src/domain/metrics/rollup'
import {
  monthTopShopsOf,
  rankShopsOf,
  repeatsByPeriodOf,
  type PeriodRepeats,
  type ShopRanking,
  type ShopTally,
} from '../../src/domain/metrics/shop-ranking'

// TEST DOUBLE of the StatsStore port (cloudfunctions/ports/stats-store.ts), for the statistics service's unit
// tests only: it holds the cube rows of a fixed set of case facts in memory and sums them the way the port
// says (filter by range, sites and equality; group by day, the asked dimensions and slot; others ''). The
// real stores (SQL, CloudBase) are tested through the same service in tests/functions/stats-*.test.ts.
export class MemoryStatsStore implements StatsStore {
  rows: CubeRow[]
  filers: FilerRow[]
  watermark: string | null = null
  saved: SavedStatsQuery[] = []
  /** every cube query asked, so a test can check which cube answered */
  asked: CubeQuery[] = []

  constructor(facts: readonly CaseFacts[]) {
    this.rows = mergeCubeRows(facts.flatMap((f) => cubeRowsOf(caseContributionOf(f), 1)))
    this.filers = rollupOf(facts).filers
  }

  private matches(dims: DimensionValues, day: string, q: Omit<CubeQuery, 'cube' | 'by'>): boolean {
    if (day < q.from || day > q.to) return false
    if (q.sites && !q.sites.includes(dims.site)) return false
    return DIMENSIONS.every((d) => q.where?.[d] === undefined || dims[d] === q.where[d])
  }

  async sumCube(q: CubeQuery): Promise<CubeRow[]> {
    this.asked.push(q)
    const summed = new Map<string, CubeRow>()
    for (const r of this.rows) {
      if (r.cube !== q.cube || !this.matches(r, r.day, q)) continue
      if (q.tag !== undefined && r.tag !== q.tag) continue
      const dropped = Object.fromEntries(DIMENSIONS.filter((d) => !q.by.includes(d)).map((d) => [d, '']))
      const grouped: CubeRow = { ...r, ...dropped }
      const key = cubeRowKey(grouped)
      const found = summed.get(key)
      summed.set(key, found ? { ...found, ...addCounters(found, r) } : grouped)
    }
    return [...summed.values()]
  }

  async rankShops(q: ShopRankQuery): Promise<ShopRanking> {
    return rankShopsOf(await this.sumCube({ ...q, by: ['industry', 'merchant'] }), q.top)
  }

  async monthTopShops(q: Omit<ShopRankQuery, 'cube'>): Promise<ShopTally[]> {
    return monthTopShopsOf(await this.sumCube({ ...q, cube: 'month_merchant', by: ['industry', 'merchant'] }), q.top)
  }

  async countRepeats(q: RepeatQuery): Promise<PeriodRepeats[]> {
    if (q.periods.length === 0) return []
    const from = q.periods.reduce((a, p) => (p.from < a ? p.from : a), q.periods[0].from)
    const to = q.periods.reduce((a, p) => (p.to > a ? p.to : a), q.periods[0].to)
    const entries =
      q.of === 'complainants'
        ? (await this.listFilerRows({ ...q, from, to })).map((f) => ({ day: f.day, key: f.filerKey, n: f.cases }))
        : this.rows
            .filter((r) => q.of !== 'complainants' && r.cube === q.of.shops && this.matches(r, r.day, { ...q, from, to }))
            .map((r) => ({ day: r.day, key: r.merchant, n: r.volume }))
    return repeatsByPeriodOf(entries, q.periods)
  }

  async listFilerRows(q: Omit<CubeQuery, 'cube' | 'by'>): Promise<FilerRow[]> {
    return this.filers.filter((f) => this.matches(f.dims, f.day, q))
  }

  async listStatsPending(): Promise<StatsPending[]> {
    return []
  }
  async refreshCaseStats(): Promise<void> {
    throw new Error('the test double holds fixed rows')
  }
  async statsWatermark() {
    return this.watermark
  }
  async setStatsWatermark(at: string) {
    this.watermark = at
  }
  async clearStats() {
    this.rows = []
    this.filers = []
  }
  async markStatsPending(): Promise<void> {}
  async saveStatsQuery(q: SavedStatsQuery) {
    this.saved = [...this.saved.filter((s) => s.id !== q.id), q]
  }
  async listStatsQueries(ownerId: string) {
    return this.saved.filter((s) => s.ownerId === ownerId).sort((a, b) => a.name.localeCompare(b.name))
  }
  async deleteStatsQuery(ownerId: string, id: string) {
    const before = this.saved.length
    this.saved = this.saved.filter((s) => !(s.ownerId === ownerId && s.id === id))
    return this.saved.length < before
  }
}
