import type { CubeQuery } from '../../cloudfunctions/ports/stats-store'
import { queryStats, type StatsDeps } from '../../cloudfunctions/services/stats-query'
import type { Caller } from '../../src/domain/identity'
import { atGrain } from '../../src/domain/metrics/cube-grain'
import type { CubeRow } from '../../src/domain/metrics/cubes'
import { StatsQuerySchema } from '../../src/domain/metrics/stats-query.schema'
import { FACTS } from '../domain/metrics/world'
import { WorldStatsStore } from '../support/stats-world-store'

// The page's charts ask the store for the days summed and for the counters they show (cube-grain.ts
// CHART_SUMS; docs/statistics-scale.md "The station's page"): the trend per week within a month, the bars and
// the heat map the volume over the range. The page must not change for it: over the fixed world of
// tests/domain/metrics/world.ts (20 January – 19 March 2026, weeks that straddle months), a store that honours
// grain and counters (as the SQL and CloudBase stores do, tests/store/stats-grain.contract.ts) must give the
// same page, figure for figure, as one that answers every day with every counter.
class WorldStore extends WorldStatsStore {
  constructor(private readonly honoursGrain: boolean) {
    super(FACTS)
  }
  async sumCube(q: CubeQuery): Promise<CubeRow[]> {
    const rows = await super.sumCube(q) // every day, every counter (and q recorded in `asked`)
    return this.honoursGrain ? atGrain(rows, q.grain ?? 'day', q.from, q.counters) : rows
  }
}

const caller = (role: 'station' | 'regulator', siteId: string | null): Caller => ({
  subject: `${role}-openid`,
  memberships: [],
  staff: { staffId: `${role}-${siteId ?? 'all'}`, role, siteId, displayName: role },
})

async function page(who: Caller, input: Record<string, unknown>, store: WorldStore) {
  const r = await queryStats({ caller: who, deps: { store } satisfies StatsDeps }, StatsQuerySchema.parse(input))
  if (!r.ok) throw new Error(r.error.code)
  return r.data
}

const Q1 = { from: '2026-01-01', to: '2026-03-31' }
const RANGES: Record<string, unknown>[] = [
  { ...Q1, unit: 'month' },
  { ...Q1, unit: 'quarter' },
  { ...Q1, unit: 'week' },
  { ...Q1, unit: 'custom' },
  { from: '2026-01-21', to: '2026-03-10', unit: 'week' }, // not whole months: the bars from the daily cube
  { from: '2026-03-01', to: '2026-03-19', unit: 'day' },
  { ...Q1, unit: 'month', kind: 'complaint' },
]

describe('statistics service: each chart asks for its grain and counters, and the page is unchanged', () => {
  it('when a station asks for a quarter by month, then the trend asks per week within a month and the bars and heat map for the volume over the range', async () => {
    const store = new WorldStore(true)
    await page(caller('station', 'S1'), { ...Q1, unit: 'month', siteId: 'S1' }, store)
    const asked = (cube: string) => store.asked.find((q) => q.cube === cube)
    expect(asked('day_site')).toMatchObject({ grain: 'week-month', by: [] })
    expect(asked('day_site')?.counters).toBeUndefined() // the period table reads every counter
    for (const cube of ['month_industry', 'month_problem', 'month_slot'])
      expect(asked(cube)).toMatchObject({ grain: 'range', counters: ['volume'], from: '2026-01-01' })
  })

  it('when a page is by day, then the trend keeps the stored days', async () => {
    const store = new WorldStore(true)
    await page(caller('regulator', null), { from: '2026-03-01', to: '2026-03-19', unit: 'day' }, store)
    expect(store.asked.find((q) => q.cube === 'day_site')).toMatchObject({ grain: 'day' })
  })

  for (const who of [caller('station', 'S1'), caller('regulator', null)])
    for (const input of RANGES)
      it(`when ${who.staff?.role} asks ${JSON.stringify(input)} of a store that sums to the grain, then the page is the one read from every day and counter`, async () => {
        const siteId = who.staff?.siteId ? { siteId: who.staff.siteId } : {}
        const summed = await page(who, { ...input, ...siteId }, new WorldStore(true))
        const full = await page(who, { ...input, ...siteId }, new WorldStore(false))
        expect(summed).toEqual(full)
        expect(full.total.volume).toBeGreaterThan(0)
      })
})
