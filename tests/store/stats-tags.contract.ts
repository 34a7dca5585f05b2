import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution, type CubeRow } from '../../src/domain/metrics/cubes'
import type { DimensionValues } from '../../src/domain/metrics/dimensions'
import { NOW, seedClockShop } from './clock-fixtures'
import { refreshCase } from './stats-contract-fixtures'

// 标签 as a statistics dimension on every store (docs/tags.md; cubes.ts month_tag): the tag cube's rows as
// stored and summed, a refresh that moves a case between tags, and the pending mark a tag confirmation
// leaves in its own unit of work. The other statistics cases are in stats.contract.ts.

const DIMS: DimensionValues = {
  site: 'site-a',
  merchant: 'shop-1',
  industry: '餐饮',
  problemType: '预付卡',
  channel: 'scan',
  kind: 'complaint',
}

const tagged = (day: string, tags: string[], over: Partial<DimensionValues> = {}, counts: Partial<typeof ZERO> = {}): CaseContribution => ({
  row: { day, ...DIMS, ...over, ...ZERO, volume: 1, ...counts },
  slot: '2-10',
  filerKey: null,
  cubes: CUBE_IDS,
  tags,
})

const brief = (r: CubeRow) => [r.day, r.site, r.kind, r.tag ?? '', r.volume, r.moneyFen]
const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

export function statsTagsContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, statistics by tag — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })

    const pendingOf = async (caseId: string) => (await store.listStatsPending(10_000)).find((p) => p.caseId === caseId) ?? null
    const refresh = (caseId: string, next: CaseContribution | null) => refreshCase(store, caseId, next)
    const whole = { from: '2026-01-01', to: '2026-12-31' }
    const tagRows = async (q: { sites: string[] | null; by?: ('site' | 'kind')[]; tag?: string; from?: string; to?: string }) =>
      sorted((await store.sumCube({ cube: 'month_tag', ...whole, by: [], ...q })).map(brief))

    it('when tagged cases are refreshed, then month_tag holds one row per month, site, kind and tag, and sums them', async () => {
      await refresh('c1', tagged('2026-01-05', ['prepaid-card', 'elderly'], {}, { moneyFen: 3000 }))
      await refresh('c2', tagged('2026-01-20', ['prepaid-card'], { kind: 'report' }))
      await refresh('c3', tagged('2026-01-21', []))
      await refresh('c4', tagged('2026-02-02', ['prepaid-card'], { site: 'site-b' }))

      expect(await tagRows({ sites: null, by: ['site', 'kind'] })).toEqual(
        sorted([
          ['2026-01-01', 'site-a', 'complaint', 'elderly', 1, 3000],
          ['2026-01-01', 'site-a', 'complaint', 'prepaid-card', 1, 3000],
          ['2026-01-01', 'site-a', 'report', 'prepaid-card', 1, 0],
          ['2026-02-01', 'site-b', 'complaint', 'prepaid-card', 1, 0],
        ]),
      )
      // summed over kinds for one site: a case counts once under each tag, and the untagged c3 nowhere
      expect(await tagRows({ sites: ['site-a'] })).toEqual(
        sorted([
          ['2026-01-01', '', '', 'elderly', 1, 3000],
          ['2026-01-01', '', '', 'prepaid-card', 2, 3000],
        ]),
      )
      // one tag, every site: its cases by month
      expect(await tagRows({ sites: null, tag: 'prepaid-card' })).toEqual(
        sorted([
          ['2026-01-01', '', '', 'prepaid-card', 2, 3000],
          ['2026-02-01', '', '', 'prepaid-card', 1, 0],
        ]),
      )
      expect(await tagRows({ sites: null, tag: 'no-such-tag' })).toEqual([])
      expect(await tagRows({ sites: [] })).toEqual([])
      // the other cubes count each case once, tags or not
      const total = (await store.sumCube({ cube: 'day_site', ...whole, sites: null, by: [] })).reduce((n, r) => n + r.volume, 0)
      expect(total).toBe(4)
      expect((await store.sumCube({ cube: 'day_site', ...whole, sites: null, by: [] })).every((r) => !r.tag)).toBe(true)
    })

    it('when a case’s tags change and it is refreshed again, then it moves between tag rows and an emptied row is gone', async () => {
      await refresh('c1', tagged('2026-03-05', ['prepaid-card']))
      await refresh('c2', tagged('2026-03-06', ['prepaid-card', 'quality']))
      await refresh('c1', tagged('2026-03-05', ['elderly']))
      await refresh('c2', tagged('2026-03-06', []))
      expect(await tagRows({ sites: null })).toEqual([['2026-03-01', '', '', 'elderly', 1, 0]])
      await refresh('c1', null)
      expect(await tagRows({ sites: null })).toEqual([])
    })

    it('when staff confirm or change a case’s tags, then the case is pending for the statistics; a proposal leaves no mark', async () => {
      const { file } = await seedClockShop(store)
      const c = await file(() => [])
      const clear = async () => {
        const p = await pendingOf(c.id)
        if (p) await store.refreshCaseStats(p, null)
        expect(await pendingOf(c.id)).toBeNull()
      }
      await clear()
      await store.proposeCaseTags(c.id, ['quality'])
      expect(await pendingOf(c.id)).toBeNull()
      const record = { caseId: c.id, proposed: ['quality'], confirmed: ['quality'], confirmedBy: 'st-1', confirmedAt: NOW }
      await store.confirmCaseTags(record)
      expect(await pendingOf(c.id)).not.toBeNull()
      await clear()
      await store.confirmCaseTags({ ...record, confirmed: ['elderly'] })
      expect(await pendingOf(c.id)).not.toBeNull()
    })
  })
}
