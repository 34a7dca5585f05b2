import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution, type CubeRow } from '../../src/domain/metrics/cubes'
import type { DimensionValues } from '../../src/domain/metrics/dimensions'
import type { PeriodRange } from '../../src/domain/metrics/shop-ranking'
import { NOW } from './clock-fixtures'
import { refreshCase } from './stats-contract-fixtures'

// The regulator's site-less cubes (all_month_slot, all_month_merchant; docs/statistics-scale.md) on every
// store: for every site (sites null) the store answers the heat map, the ranking, the ★ and the repeat shops
// from them, and those answers must be the per-site cubes' sums over the same sites. Migration 0032 marks
// every case: the refresh of a case counted before it must ADD the case to the new cubes and leave the
// others as they were.

const SITES = ['site-a', 'site-b', 'site-c']
const BASE: DimensionValues = {
  site: 'site-a',
  merchant: 'a-1',
  industry: '餐饮',
  problemType: '预付卡',
  channel: 'scan',
  kind: 'complaint',
}

/** A case as the upkeep counts it now (every cube), or as it was stored before 0032 (`legacy`: no cube list). */
const contribution = (day: string, over: Partial<DimensionValues>, slot: string, legacy = false): CaseContribution => ({
  row: { day, ...BASE, ...over, ...ZERO, volume: 1, closedMediated: over.kind === 'report' ? 0 : 1, moneyFen: 500 },
  slot,
  filerKey: null,
  ...(legacy ? {} : { cubes: CUBE_IDS }),
})

/** Cases over three sites, two kinds, three months and shops that repeat, tie and span sites' lines. */
const WORLD: [string, Partial<DimensionValues>, string][] = [
  ['2026-01-05', {}, '1-09'],
  ['2026-01-06', {}, '2-10'],
  ['2026-01-06', { merchant: 'a-2' }, '2-10'],
  ['2026-01-20', { site: 'site-b', merchant: 'b-1' }, '2-10'],
  ['2026-01-21', { site: 'site-b', merchant: 'b-1', kind: 'report' }, '3-14'],
  ['2026-02-02', { site: 'site-c', merchant: 'c-1', industry: '交通' }, '1-09'],
  ['2026-02-03', { site: 'site-c', merchant: 'c-1', industry: '交通' }, '2-10'],
  ['2026-02-03', { merchant: 'a-2' }, '2-10'],
  ['2026-02-14', { site: 'site-b', merchant: 'b-2', kind: 'report' }, '6-20'],
  ['2026-03-01', { site: 'site-b', merchant: 'b-1' }, '7-11'],
  ['2026-03-09', { merchant: 'a-1', problemType: '质量' }, '1-09'],
  ['2026-03-10', { site: 'site-c', merchant: 'c-2', industry: '交通', kind: 'report' }, '2-10'],
]

const Q1 = { from: '2026-01-01', to: '2026-03-31' }
const PERIODS: PeriodRange[] = [
  { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
  { period: '2026-02', from: '2026-02-01', to: '2026-02-28' },
  { period: '2026-03', from: '2026-03-01', to: '2026-03-31' },
  { period: '', ...Q1 },
]
const ordered = <T>(rows: T[]): T[] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
/** A summed row without the cube id (the caller's, whichever cube answered). */
const figures = ({ cube: _cube, ...row }: CubeRow) => row

export function statsSiteLessContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, the regulator's site-less cubes — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })

    const refresh = (caseId: string, next: CaseContribution | null) => refreshCase(store, caseId, next)
    const loadWorld = async (legacy = false) => {
      for (const [i, [day, over, slot]] of WORLD.entries()) await refresh(`c${i}`, contribution(day, over, slot, legacy))
    }
    /** The regulator's questions, asked for every site (null) or for the list of every site: the answers must agree. */
    const answers = async (sites: readonly string[] | null) => ({
      trend: ordered((await store.sumCube({ cube: 'day_site', ...Q1, sites, by: ['kind'] })).map(figures)),
      byIndustry: ordered((await store.sumCube({ cube: 'month_industry', ...Q1, sites, by: ['industry'] })).map(figures)),
      byProblem: ordered(
        (await store.sumCube({ cube: 'month_problem', ...Q1, sites, where: { kind: 'complaint' }, by: ['problemType'] })).map(figures),
      ),
      heat: ordered((await store.sumCube({ cube: 'month_slot', ...Q1, sites, by: [] })).map(figures)),
      heatOfReports: ordered(
        (await store.sumCube({ cube: 'month_slot', ...Q1, sites, where: { kind: 'report' }, by: ['kind'] })).map(figures),
      ),
      shops: ordered((await store.sumCube({ cube: 'month_merchant', ...Q1, sites, by: ['industry', 'merchant'] })).map(figures)),
      ranking: await store.rankShops({ cube: 'month_merchant', ...Q1, sites, top: 2 }),
      tops: ordered(await store.monthTopShops({ ...Q1, sites, top: 1 })),
      repeats: ordered(await store.countRepeats({ of: { shops: 'month_merchant' }, periods: PERIODS, sites })),
      // a filter the twin dropped (kind): answered from the per-site cube, the same way
      rankingOfComplaints: await store.rankShops({ cube: 'month_merchant', ...Q1, sites, where: { kind: 'complaint' }, top: 2 }),
    })

    it("when cases of several sites are counted, then the regulator's answers for every site equal the per-site sums over those sites", async () => {
      await loadWorld()
      const everySite = await answers(null)
      expect(everySite).toEqual(await answers(SITES))
      // figures worked out by hand, so that the two agreeing is not two empty answers
      expect(everySite.trend.filter((r) => r.day === '2026-01-06')).toMatchObject([{ kind: 'complaint', volume: 2 }])
      expect(everySite.byIndustry.filter((r) => r.day === '2026-02-01')).toMatchObject([
        { industry: '交通', volume: 2 },
        { industry: '餐饮', volume: 2 },
      ])
      expect(everySite.byProblem.filter((r) => r.day === '2026-03-01')).toMatchObject([
        { problemType: '质量', volume: 1 },
        { problemType: '预付卡', volume: 1 },
      ])
      expect(everySite.heat.find((r) => r.day === '2026-01-01' && r.slot === '2-10')).toMatchObject({
        volume: 3,
        closedMediated: 3,
        moneyFen: 1500,
      })
      expect(ordered(everySite.ranking.lines)).toEqual([
        { industry: '交通', volume: 3 },
        { industry: '餐饮', volume: 9 },
      ])
      expect(everySite.ranking.shops.filter((s) => s.industry === '餐饮')).toEqual([
        { industry: '餐饮', merchant: 'a-1', volume: 3 }, // a-1 (site-a) and b-1 (site-b) tie at 3: by shop id
        { industry: '餐饮', merchant: 'b-1', volume: 3 },
      ])
      expect(everySite.repeats.find((r) => r.period === '')).toEqual({ period: '', keys: 4, cases: 10 })
      // the site-less cubes hold the sums themselves: one row per slot and kind, one per shop and month
      const twin = await store.sumCube({ cube: 'all_month_slot', ...Q1, sites: null, by: ['kind'] })
      expect(twin.every((r) => r.site === '')).toBe(true)
      expect(twin.reduce((n, r) => n + r.volume, 0)).toBe(WORLD.length)
      const shops = await store.sumCube({ cube: 'all_month_merchant', ...Q1, sites: null, by: ['industry', 'merchant', 'kind'] })
      expect(shops.filter((r) => r.merchant === 'b-1')).toMatchObject([
        { day: '2026-01-01', kind: '', volume: 2 },
        { day: '2026-03-01', kind: '', volume: 1 },
      ])
    })

    it('when cases counted before migration 0032 are marked and refreshed with the same facts, then the new cubes get their rows, the others stay as they were, and the regulator reads the per-site sums until the queue has drained', async () => {
      await loadWorld(true)
      // what migration 0032 (CloudBase: its first refresh passes) does: every case counted before it is marked
      await store.markStatsPending(
        WORLD.map((_, i) => `c${i}`),
        NOW,
      )
      const perSite = await answers(SITES)
      // not yet refreshed: the stations' cubes count every case, the site-less ones none — so the regulator is
      // answered from the per-site cubes, which are exact, until the twins hold every case
      expect(await store.sumCube({ cube: 'all_month_slot', ...Q1, sites: null, by: ['kind'] })).toEqual([])
      expect(await answers(null)).toEqual(perSite)
      // half-way through the queue: the twins hold some of the cases, the regulator still reads the per-site sums
      for (const [i, [day, over, slot]] of WORLD.slice(0, 5).entries()) await refresh(`c${i}`, contribution(day, over, slot))
      expect(await store.sumCube({ cube: 'all_month_slot', ...Q1, sites: null, by: ['kind'] })).not.toEqual([])
      expect(await answers(null)).toEqual(perSite)
      await loadWorld() // what migration 0032's marks lead to: every case refreshed by the upkeep
      await store.setStatsWatermark(NOW) // as the pass that found the queue empty does
      expect(await answers(SITES)).toEqual(perSite)
      expect(await answers(null)).toEqual(perSite)
      // refreshing again changes nothing; a case moved to another shop and line moves in the twin too
      await loadWorld()
      expect(await answers(null)).toEqual(perSite)
      await refresh('c0', contribution('2026-01-05', { merchant: 'a-9', industry: '交通' }, '1-09'))
      await refresh('c1', null)
      const moved = await answers(null)
      expect(moved).toEqual(await answers(SITES))
      expect(ordered(moved.ranking.lines)).toEqual([
        { industry: '交通', volume: 4 },
        { industry: '餐饮', volume: 7 },
      ])
      // and it is the twins that answer now: a contribution stored the old way (no current code writes one)
      // leaves its case out of the twins only, and the regulator's heat map shows the twin's count
      await refresh('c2', contribution('2026-01-06', { merchant: 'a-2' }, '2-10', true))
      const twin = ordered((await store.sumCube({ cube: 'all_month_slot', ...Q1, sites: null, by: [] })).map(figures))
      expect((await answers(null)).heat).toEqual(twin)
      expect(twin).not.toEqual((await answers(SITES)).heat)
    })
  })
}
