import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { CaseContribution, CubeRow } from '../../src/domain/metrics/cubes'
import { aSubmittedEvent } from '../support/builders'
import { aClock, anAlert, at, NOW, seedClockShop } from './clock-fixtures'
import { contribution, refreshCase, sorted } from './stats-contract-fixtures'
import { statsGrainContract } from './stats-grain.contract'

// The statistics' read model (ports/stats-store.ts) on every store: summing a cube, the refresh that
// swaps a case's contribution, the pending marks every case write leaves in its own unit of work.

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
  statsGrainContract(adapterName, open) // the page's charts' grain and counters (stats-grain.contract.ts)
}
