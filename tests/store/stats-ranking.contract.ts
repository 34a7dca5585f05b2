import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { CaseContribution } from '../../src/domain/metrics/cubes'
import { repeatsByPeriodOf } from '../../src/domain/metrics/shop-ranking'
import { rankingOf, STREAK_TOP, TOP_N, topMerchantsOf } from '../../src/domain/metrics/top-merchants'
import { contribution, refreshCase, sorted } from './stats-contract-fixtures'

// The ranking and repeat counts worked out in the store (rankShops, monthTopShops, countRepeats;
// docs/statistics-scale.md) on every store, against figures worked out by hand and by the domain's
// in-memory definitions (src/domain/metrics/shop-ranking.ts, top-merchants.ts), ties included.
export function statsRankingContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, statistics ranking — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })
    const refresh = (caseId: string, next: CaseContribution | null) => refreshCase(store, caseId, next)

    it('when shops are ranked and repeats counted in the store, then the answers are the figures worked out by hand and by the domain', async () => {
      // 餐饮 at site-a: January s1 3, s2 2, s3 2, s4 1; February s1 2, s3 2, s2 1, s4 1; March s4 2, s1 1, s2 1,
      // s3 1 and one case without a shop; 交通 at site-b: t1 once in March. Filers: s1's cases in January and
      // February are f-x's, s2's January cases and s4's March cases f-y's; the others have none.
      const layout: [string, string, number, string | null][] = [
        ['2026-01-10', 's1', 3, 'f-x'],
        ['2026-01-10', 's2', 2, 'f-y'],
        ['2026-01-10', 's3', 2, null],
        ['2026-01-10', 's4', 1, null],
        ['2026-02-10', 's1', 2, 'f-x'],
        ['2026-02-10', 's3', 2, null],
        ['2026-02-10', 's2', 1, null],
        ['2026-02-10', 's4', 1, null],
        ['2026-03-10', 's4', 2, 'f-y'],
        ['2026-03-10', 's1', 1, null],
        ['2026-03-10', 's2', 1, null],
        ['2026-03-10', 's3', 1, null],
        ['2026-03-10', '', 1, null],
      ]
      let n = 0
      for (const [day, merchant, cases, filer] of layout)
        for (let i = 0; i < cases; i++) await refresh(`r${n++}`, contribution(day, { merchant }, {}, filer))
      await refresh('t1', contribution('2026-03-10', { site: 'site-b', industry: '交通', merchant: 't1' }, {}, null))
      const q1 = { from: '2026-01-01', to: '2026-03-31', sites: null }

      const range = await store.rankShops({ cube: 'month_merchant', ...q1, top: 2 })
      expect(sorted(range.lines)).toEqual(
        sorted([
          { industry: '餐饮', volume: 19 },
          { industry: '交通', volume: 1 },
        ]),
      )
      expect(sorted(range.shops)).toEqual(
        sorted([
          { industry: '餐饮', merchant: 's1', volume: 6 },
          { industry: '餐饮', merchant: 's3', volume: 5 },
          { industry: '交通', merchant: 't1', volume: 1 },
        ]),
      )
      const tops = await store.monthTopShops({ ...q1, top: STREAK_TOP })
      expect(sorted(tops.filter((t) => t.industry === '餐饮').map((t) => [t.month, t.merchant, t.volume]))).toEqual(
        sorted([
          ['2026-01-01', 's1', 3],
          ['2026-01-01', 's2', 2],
          ['2026-01-01', 's3', 2],
          ['2026-02-01', 's1', 2],
          ['2026-02-01', 's3', 2],
          ['2026-02-01', 's2', 1], // s2 and s4 tie at 1: by shop id
          ['2026-03-01', 's4', 2],
          ['2026-03-01', 's1', 1],
          ['2026-03-01', 's2', 1],
        ]),
      )
      // the page's ranking from the store's answers is the one worked out from every summed row
      const march = { from: '2026-03-01', to: '2026-03-31' }
      const ranking = rankingOf(
        await store.rankShops({ cube: 'month_merchant', ...march, sites: null, top: TOP_N }),
        await store.monthTopShops({ from: '2026-01-01', to: march.to, sites: null, top: STREAK_TOP }),
        march.from,
        march.to,
      )
      const byShop = { ...march, sites: null, by: ['industry', 'merchant'] as const }
      expect(ranking).toEqual(
        topMerchantsOf(
          await store.sumCube({ cube: 'month_merchant', ...byShop }),
          await store.sumCube({ cube: 'month_merchant', ...byShop, from: '2026-01-01' }),
          march.from,
          march.to,
        ),
      )
      expect(ranking[0].merchants.map((m) => [m.merchantId, m.volume, m.threeMonthsTop3])).toEqual([
        ['s4', 2, false],
        ['s1', 1, true],
        ['s2', 1, true],
        ['s3', 1, false],
      ])
      expect((await store.rankShops({ cube: 'day', ...q1, sites: ['site-b'], top: 10 })).lines).toEqual([{ industry: '交通', volume: 1 }])
      // a query filtered to one shop ranks that shop alone
      const oneShop = { ...q1, where: { merchant: 's3' } }
      expect(await store.rankShops({ cube: 'month_merchant', ...oneShop, top: 2 })).toEqual({
        lines: [{ industry: '餐饮', volume: 5 }],
        shops: [{ industry: '餐饮', merchant: 's3', volume: 5 }],
      })
      expect(sorted((await store.monthTopShops({ ...oneShop, top: STREAK_TOP })).map((t) => [t.month, t.merchant, t.volume]))).toEqual(
        sorted([
          ['2026-01-01', 's3', 2],
          ['2026-02-01', 's3', 2],
          ['2026-03-01', 's3', 1],
        ]),
      )

      const periods = [
        { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
        { period: '2026-02', from: '2026-02-01', to: '2026-02-28' },
        { period: '2026-03', from: '2026-03-01', to: '2026-03-31' },
        { period: '', ...q1 },
      ]
      const complainants = await store.countRepeats({ of: 'complainants', periods, sites: null })
      expect(sorted(complainants)).toEqual(
        sorted([
          { period: '2026-01', keys: 2, cases: 5 },
          { period: '2026-02', keys: 1, cases: 2 },
          { period: '2026-03', keys: 1, cases: 2 },
          { period: '', keys: 2, cases: 9 },
        ]),
      )
      const filerRows = await store.listFilerRows({ ...q1, sites: null })
      expect(sorted(complainants)).toEqual(
        sorted(
          repeatsByPeriodOf(
            filerRows.map((f) => ({ day: f.day, key: f.filerKey, n: f.cases })),
            periods,
          ),
        ),
      )
      expect(sorted(await store.countRepeats({ of: { shops: 'month_merchant' }, periods, sites: null }))).toEqual(
        sorted([
          { period: '2026-01', keys: 3, cases: 7 },
          { period: '2026-02', keys: 2, cases: 4 },
          { period: '2026-03', keys: 1, cases: 2 },
          { period: '', keys: 4, cases: 19 },
        ]),
      )
      const custom = [{ period: '', from: '2026-01-05', to: '2026-02-20' }]
      expect(await store.countRepeats({ of: { shops: 'day' }, periods: custom, sites: null, where: { kind: 'complaint' } })).toEqual([
        { period: '', keys: 4, cases: 14 },
      ])
      expect(await store.countRepeats({ of: 'complainants', periods, sites: ['site-b'] })).toEqual([])
    })
  })
}
