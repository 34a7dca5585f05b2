import type { Store } from '../../cloudfunctions/ports/store'
import type { CubeQuery } from '../../cloudfunctions/ports/stats-store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { atGrain } from '../../src/domain/metrics/cube-grain'
import type { CubeRow } from '../../src/domain/metrics/cubes'
import type { DimensionValues } from '../../src/domain/metrics/dimensions'
import { contribution, refreshCase, sorted } from './stats-contract-fixtures'

// sumCube's grain and counters (ports/stats-store.ts; src/domain/metrics/cube-grain.ts) on every store: the
// page's charts ask for the days summed (per week within a month, or over the whole range) and for the
// volume only. Each answer must be the full read (as stored, every counter) summed by atGrain — and a few
// figures are worked out by hand, so that atGrain itself is held to what the page means.

// 2 March 2026 is a Monday; the week of 30 March runs into April.
const WORLD: [string, Partial<DimensionValues>, Record<string, number>, string][] = [
  ['2026-03-02', {}, { moneyFen: 100, closedMediated: 1 }, '1-09'],
  ['2026-03-04', {}, { moneyFen: 200 }, '3-10'],
  ['2026-03-05', { kind: 'report' }, {}, '4-10'],
  ['2026-03-08', { site: 'site-b', merchant: 'b-1', industry: '交通' }, { moneyFen: 50 }, '7-20'],
  ['2026-03-10', { problemType: '质量' }, {}, '2-10'],
  ['2026-03-30', { merchant: 'shop-2' }, { moneyFen: 300 }, '1-09'],
  ['2026-03-31', { site: 'site-b', merchant: 'b-1', industry: '交通' }, {}, '2-10'],
  ['2026-04-01', {}, { moneyFen: 400 }, '3-10'],
  ['2026-04-05', { kind: 'report', industry: '交通' }, {}, '7-20'],
  ['2026-04-13', { site: 'site-b', merchant: 'b-2' }, { moneyFen: 70 }, '1-09'],
]

/** The rows a test compares, in one order (the store promises no order within a day). */
const brief = (rows: CubeRow[]) =>
  sorted(
    rows.map((r) => ({
      day: r.day,
      slot: r.slot,
      site: r.site,
      industry: r.industry,
      kind: r.kind,
      volume: r.volume,
      moneyFen: r.moneyFen,
    })),
  )

export function statsGrainContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, statistics summed to a grain and counters — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
      for (const [i, [day, over, counts, slot]] of WORLD.entries())
        await refreshCase(store, `g${i}`, contribution(day, over, counts, null, slot))
    })
    afterAll(async () => {
      await store?.close()
    })

    /** The store's answer with grain and counters, and the full read summed in memory the same way. */
    const both = async (q: CubeQuery) => {
      const { grain, counters, ...full } = q
      return {
        asked: await store.sumCube(q),
        definition: atGrain(await store.sumCube(full), grain ?? 'day', q.from, counters),
      }
    }

    it('when the trend asks per week within a month from a Wednesday, then each week is summed within its month from its first day in range', async () => {
      const { asked, definition } = await both({
        cube: 'day_site',
        from: '2026-03-04',
        to: '2026-04-30',
        sites: ['site-a'],
        by: [],
        grain: 'week-month',
      })
      expect(brief(asked)).toEqual(brief(definition))
      expect(asked.map((r) => [r.day, r.volume, r.moneyFen])).toEqual([
        ['2026-03-04', 2, 200], // 2 March is before the range: the week of 2 March starts on the 4th
        ['2026-03-09', 1, 0],
        ['2026-03-30', 1, 300], // the week of 30 March, its March part …
        ['2026-04-01', 2, 400], // … and its April part
      ])
    })

    it('when the trend asks per week within a month by kind for every site, then the answer is the full read summed so', async () => {
      const { asked, definition } = await both({
        cube: 'day_site',
        from: '2026-03-01',
        to: '2026-04-30',
        sites: null,
        by: ['kind'],
        grain: 'week-month',
      })
      expect(brief(asked)).toEqual(brief(definition))
      // worked by hand from WORLD: the 8 March (a Sunday) belongs to the week of 2 March; 5 April to April's part of the week of 30 March
      expect(sorted(asked.map((r) => [r.day, r.kind, r.volume, r.moneyFen, r.closedMediated]))).toEqual(
        sorted([
          ['2026-03-02', 'complaint', 3, 350, 1],
          ['2026-03-02', 'report', 1, 0, 0],
          ['2026-03-09', 'complaint', 1, 0, 0],
          ['2026-03-30', 'complaint', 2, 300, 0],
          ['2026-04-01', 'complaint', 1, 400, 0],
          ['2026-04-01', 'report', 1, 0, 0],
          ['2026-04-13', 'complaint', 1, 70, 0],
        ]),
      )
    })

    it('when the heat map asks for the volume over the range, then one row per slot comes back, dated the range, every other counter 0', async () => {
      const { asked, definition } = await both({
        cube: 'month_slot',
        from: '2026-03-01',
        to: '2026-04-30',
        sites: ['site-a', 'site-b'],
        by: [],
        grain: 'range',
        counters: ['volume'],
      })
      expect(brief(asked)).toEqual(brief(definition))
      expect(sorted(asked.map((r) => [r.day, r.slot, r.volume, r.moneyFen]))).toEqual(
        sorted([
          ['2026-03-01', '1-09', 3, 0],
          ['2026-03-01', '2-10', 2, 0],
          ['2026-03-01', '3-10', 2, 0],
          ['2026-03-01', '4-10', 1, 0],
          ['2026-03-01', '7-20', 2, 0],
        ]),
      )
    })

    it('when the bars ask for the volume over the range by line, then one row per line comes back, for a station and for every site', async () => {
      for (const sites of [['site-a'], null]) {
        const { asked, definition } = await both({
          cube: 'month_industry',
          from: '2026-03-01',
          to: '2026-04-30',
          sites,
          by: ['industry'],
          where: { kind: 'complaint' },
          grain: 'range',
          counters: ['volume'],
        })
        expect(brief(asked)).toEqual(brief(definition))
        const volumes = Object.fromEntries(asked.map((r) => [r.industry, r.volume]))
        expect(volumes).toEqual(sites === null ? { 餐饮: 6, 交通: 2 } : { 餐饮: 5 })
      }
    })

    it('when only some counters are asked on the daily cube at the stored grain, then those and the volume are summed and the days stay', async () => {
      const { asked, definition } = await both({
        cube: 'day',
        from: '2026-03-01',
        to: '2026-03-31',
        sites: null,
        by: ['merchant'],
        counters: ['moneyFen'],
      })
      expect(brief(asked)).toEqual(brief(definition))
      expect(asked.reduce((s, r) => s + r.moneyFen, 0)).toBe(650)
      expect(asked.every((r) => r.closedMediated === 0)).toBe(true)
    })
  })
}
