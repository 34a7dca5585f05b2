import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution, type CubeRow } from '../../src/domain/metrics/cubes'
import type { DimensionValues } from '../../src/domain/metrics/dimensions'
import { repeatsByPeriodOf } from '../../src/domain/metrics/shop-ranking'
import { rankingOf, STREAK_TOP, TOP_N, topMerchantsOf } from '../../src/domain/metrics/top-merchants'
import { aSubmittedEvent } from '../support/builders'
import { aClock, anAlert, at, NOW, seedClockShop } from './clock-fixtures'
import { refreshCase } from './stats-refresh'

// The statistics' read model (ports/stats-store.ts) on every store: summing a cube, the refresh that
// swaps a case's contribution, the pending marks every case write leaves in its own unit of work.

const DIMS: DimensionValues = {
  site: 'site-a',
  merchant: 'shop-1',
  industry: '餐饮',
  problemType: '预付卡',
  channel: 'scan',
  kind: 'complaint',
}

/** One case's contribution: received on `day` at `slot`, with these counts beyond volume 1, counted in every cube (as caseContributionOf). */
const contribution = (
  day: string,
  over: Partial<DimensionValues> = {},
  counts: Partial<typeof ZERO> = {},
  filerKey: string | null = 'filer-1',
  slot = '2-10',
): CaseContribution => ({ row: { day, ...DIMS, ...over, ...ZERO, volume: 1, ...counts }, slot, filerKey, cubes: CUBE_IDS })

/** Rows in a fixed order for comparing (the store promises no order within a day). */
const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

/** The fields a test compares: key, volume and a couple of counters. */
const brief = (r: CubeRow) => ({
  day: r.day,
  slot: r.slot,
  site: r.site,
  industry: r.industry,
  merchant: r.merchant,
  kind: r.kind,
  volume: r.volume,
  moneyFen: r.moneyFen,
})

export function statsContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, statistics — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })

    const pendingOf = async (caseId: string) => (await store.listStatsPending(10_000)).find((p) => p.caseId === caseId) ?? null
    /** Refresh the case with `next`, as the upkeep does: mark, read the mark, hand it back. */
    const refresh = (caseId: string, next: CaseContribution | null) => refreshCase(store, caseId, next)
    const whole = { from: '2026-01-01', to: '2026-12-31' }

    it('when three cases are refreshed, then each cube sums them by day, the chosen dimensions and slot, within the sites asked for', async () => {
      await refresh('c1', contribution('2026-01-20', {}, { moneyFen: 12800 }))
      await refresh('c2', contribution('2026-01-20', { industry: '交通', merchant: 'shop-2' }, {}, 'filer-2', '2-11'))
      await refresh('c3', contribution('2026-02-03', { site: 'site-b' }, {}, null))

      const day = await store.sumCube({ cube: 'day', ...whole, sites: ['site-a'], by: [] })
      expect(day.map(brief)).toEqual([
        { day: '2026-01-20', slot: '', site: '', industry: '', merchant: '', kind: '', volume: 2, moneyFen: 12800 },
      ])
      const bySite = await store.sumCube({ cube: 'day_site', ...whole, sites: null, by: ['site'] })
      expect(bySite.map(brief)).toEqual([
        { day: '2026-01-20', slot: '', site: 'site-a', industry: '', merchant: '', kind: '', volume: 2, moneyFen: 12800 },
        { day: '2026-02-03', slot: '', site: 'site-b', industry: '', merchant: '', kind: '', volume: 1, moneyFen: 0 },
      ])
      expect(bySite[0].cube).toBe('day_site')
      // a filter on a dimension, and the regulator's every site
      const catering = await store.sumCube({ cube: 'day', ...whole, sites: null, where: { industry: '餐饮' }, by: ['site'] })
      expect(sorted(catering.map((r) => [r.day, r.site, r.volume]))).toEqual([
        ['2026-01-20', 'site-a', 1],
        ['2026-02-03', 'site-b', 1],
      ])
      // month grain: the month's 1st; the range is in days
      const months = await store.sumCube({
        cube: 'month_industry',
        from: '2026-01-01',
        to: '2026-01-31',
        sites: ['site-a', 'site-b'],
        by: ['industry'],
      })
      expect(sorted(months.map((r) => [r.day, r.industry, r.volume]))).toEqual([
        ['2026-01-01', '交通', 1],
        ['2026-01-01', '餐饮', 1],
      ])
      const slots = await store.sumCube({ cube: 'month_slot', ...whole, sites: ['site-a'], by: ['kind'] })
      expect(sorted(slots.map((r) => [r.day, r.slot, r.kind, r.volume]))).toEqual([
        ['2026-01-01', '2-10', 'complaint', 1],
        ['2026-01-01', '2-11', 'complaint', 1],
      ])
      expect(await store.sumCube({ cube: 'day', ...whole, sites: [], by: [] })).toEqual([])
      expect(await store.sumCube({ cube: 'day', from: '2026-01-21', to: '2026-02-02', sites: null, by: [] })).toEqual([])
      // filer rows: only cases with a filer key, within the sites and days asked for
      const filers = await store.listFilerRows({ ...whole, sites: ['site-a'] })
      expect(sorted(filers.map((f) => [f.day, f.dims.industry, f.filerKey, f.cases]))).toEqual(
        sorted([
          ['2026-01-20', '餐饮', 'filer-1', 1],
          ['2026-01-20', '交通', 'filer-2', 1],
        ]),
      )
      expect(await store.listFilerRows({ ...whole, sites: ['site-b'] })).toEqual([])
    })

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

    it('when a case is refreshed twice with the same figures, then the rows are as after the first', async () => {
      const c = contribution('2026-03-01', {}, { acceptedCases: 1 })
      await refresh('twice', c)
      const once = await store.sumCube({ cube: 'day', ...whole, sites: null, by: ['industry'] })
      await refresh('twice', c)
      expect(await store.sumCube({ cube: 'day', ...whole, sites: null, by: ['industry'] })).toEqual(once)
      expect(once.map((r) => [r.volume, r.acceptedCases])).toEqual([[1, 1]])
    })

    it('when a case moves to another industry line or stops counting, then rows that come to nothing are gone', async () => {
      await refresh('moving', contribution('2026-03-02'))
      await refresh('staying', contribution('2026-03-02', { merchant: 'shop-9' }, {}, 'filer-9'))
      await refresh('moving', contribution('2026-03-02', { industry: '价格' }))
      const lines = await store.sumCube({ cube: 'month_industry', ...whole, sites: null, by: ['industry'] })
      expect(sorted(lines.map((r) => [r.industry, r.volume]))).toEqual([
        ['价格', 1],
        ['餐饮', 1],
      ])
      const merchants = await store.sumCube({ cube: 'day', ...whole, sites: null, by: ['merchant', 'industry'] })
      expect(sorted(merchants.map((r) => [r.merchant, r.industry]))).toEqual([
        ['shop-1', '价格'],
        ['shop-9', '餐饮'],
      ])
      await refresh('moving', null)
      await refresh('staying', null)
      expect(await store.sumCube({ cube: 'day', ...whole, sites: null, by: [] })).toEqual([])
      expect(await store.sumCube({ cube: 'month_slot', ...whole, sites: null, by: [] })).toEqual([])
      expect(await store.listFilerRows({ ...whole, sites: null })).toEqual([])
    })

    it('when a write marks the case again while it is being refreshed, then that newer mark stays; the refresh clears only its own', async () => {
      await store.markStatsPending(['raced'], NOW)
      const read = await pendingOf('raced')
      await store.markStatsPending(['raced'], NOW) // a case write after the refresh read the case
      const newer = await pendingOf('raced')
      expect(newer?.markedAt).not.toBe(read?.markedAt)
      await store.refreshCaseStats(read!, contribution('2026-03-03'))
      expect(await pendingOf('raced')).toEqual(newer)
      await store.refreshCaseStats(newer!, contribution('2026-03-03'))
      expect(await pendingOf('raced')).toBeNull()
      expect((await store.sumCube({ cube: 'day', ...whole, sites: null, by: [] })).map((r) => r.volume)).toEqual([1])
    })

    it('when cases are marked, then they come back oldest mark first, at most the limit', async () => {
      await store.markStatsPending(['m1'], NOW)
      await store.markStatsPending(['m2', 'm3'], NOW)
      const all = await store.listStatsPending(10)
      expect(all[0].caseId).toBe('m1')
      expect(all.map((p) => p.caseId).sort()).toEqual(['m1', 'm2', 'm3'])
      expect(await store.listStatsPending(2)).toHaveLength(2)
    })

    it('when the statistics are cleared, then rows, filer rows, contributions, marks and the watermark are gone', async () => {
      await refresh('cleared', contribution('2026-03-04'))
      await store.markStatsPending(['other'], NOW)
      await store.setStatsWatermark('2026-03-10T06:00:00.000Z')
      expect(await store.statsWatermark()).toBe('2026-03-10T06:00:00.000Z')
      await store.clearStats()
      expect(await store.sumCube({ cube: 'day', ...whole, sites: null, by: [] })).toEqual([])
      expect(await store.listFilerRows({ ...whole, sites: null })).toEqual([])
      expect(await store.listStatsPending(10)).toEqual([])
      expect(await store.statsWatermark()).toBeNull()
      // the stored contribution went too: refreshing again counts the case once, not nothing
      await refresh('cleared', contribution('2026-03-04'))
      expect((await store.sumCube({ cube: 'day', ...whole, sites: null, by: [] })).map((r) => r.volume)).toEqual([1])
    })

    it('when staff save queries, then each sees only their own, by name, and deletes only their own', async () => {
      const q = (id: string, ownerId: string, name: string) => ({
        id,
        ownerId,
        name,
        spec: { industry: '餐饮', period: { unit: 'month' } },
        savedAt: NOW,
      })
      await store.saveStatsQuery(q('q1', 'st-a', '一季度 餐饮'))
      await store.saveStatsQuery(q('q2', 'st-a', '二季度'))
      await store.saveStatsQuery(q('q3', 'st-b', '别人的'))
      expect((await store.listStatsQueries('st-a')).map((s) => s.name)).toEqual(['一季度 餐饮', '二季度'].sort())
      expect((await store.listStatsQueries('st-a'))[0]).toMatchObject({
        ownerId: 'st-a',
        spec: { industry: '餐饮', period: { unit: 'month' } },
        savedAt: NOW,
      })
      expect(await store.deleteStatsQuery('st-b', 'q1')).toBe(false)
      expect(await store.deleteStatsQuery('st-a', 'q1')).toBe(true)
      expect((await store.listStatsQueries('st-a')).map((s) => s.id)).toEqual(['q2'])
    })

    // Every write that can change a case's figures marks it in the same unit of work.
    describe('marks left by case writes', () => {
      const cleared = async (caseId: string) => {
        const p = await pendingOf(caseId)
        if (p) await store.refreshCaseStats(p, null)
        expect(await pendingOf(caseId)).toBeNull()
      }

      it('when a case is filed, changed, or its clocks are moved by advanceClock or the batched tick, then it is pending each time', async () => {
        const { file } = await seedClockShop(store)
        const c = await file((c) => [aClock(c, 'first_answer', -10)])
        expect(await pendingOf(c.id)).not.toBeNull() // createCase
        await cleared(c.id)

        const first = (await store.listEvents(c.id))[0]
        await store.applyChange({
          caseId: c.id,
          expectedVersion: 1,
          next: { ...c, status: 'accepted', updatedAt: at(1) },
          event: aSubmittedEvent(c, { seq: 2, type: 'accepted', actor: { role: 'station', id: 'st' }, at: at(1), prevHash: first.hash }),
          outbox: [],
          clocks: [],
        })
        expect(await pendingOf(c.id)).not.toBeNull() // applyChange
        await cleared(c.id)

        const clock = aClock(c, 'first_answer', -10)
        expect(
          await store.advanceClock({ ...clock, stage: 'reminded', nextCheckAt: at(30) }, 'running', [anAlert(clock, 'reminded')]),
        ).toBe(true)
        expect(await pendingOf(c.id)).not.toBeNull() // advanceClock
        await cleared(c.id)

        const moved = await store.advanceDueClocks(at(40), 10, ({ clock: k }) => ({
          next: { ...k, stage: 'overdue', nextCheckAt: null },
          fromStage: k.stage,
          alerts: [],
        }))
        expect(moved.written).toHaveLength(1)
        expect(await pendingOf(c.id)).not.toBeNull() // advanceDueClocks
      })

      it('when a write is refused (a stale version), then no mark is left', async () => {
        const { file } = await seedClockShop(store)
        const c = await file(() => [])
        await cleared(c.id)
        await expect(
          store.applyChange({
            caseId: c.id,
            expectedVersion: 7,
            next: { ...c, updatedAt: at(1) },
            event: aSubmittedEvent(c, { seq: 2 }),
            outbox: [],
            clocks: [],
          }),
        ).rejects.toMatchObject({ error: { code: 'CONCURRENT_UPDATE' } })
        expect(await pendingOf(c.id)).toBeNull()
      })
    })
  })
}
