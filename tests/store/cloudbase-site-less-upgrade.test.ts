import { cloudbaseStatsStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-stats-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { ok } from '../../cloudfunctions/adapters/cloudbase-db/doc-db'
import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution } from '../../src/domain/metrics/cubes'
import { UPGRADE_PAGE } from '../../cloudfunctions/adapters/cloudbase-db/stats-upgrade-cursor'
import { startCloudbaseTestApp } from '../support/cloudbase-test-app'

// CloudBase has no migration: a deployment whose cases were counted before the regulator's site-less cubes
// marks them on its first refresh pass (stats-site-less-upgrade.ts), as SQL migration 0032 does, once.

const contribution = (site: string, slot: string, legacy: boolean): CaseContribution => ({
  row: {
    day: '2026-03-09',
    site,
    merchant: `${site}-shop`,
    industry: '餐饮',
    problemType: '预付卡',
    channel: 'qr',
    kind: 'complaint',
    ...ZERO,
    volume: 1,
  },
  slot,
  filerKey: null,
  ...(legacy ? {} : { cubes: CUBE_IDS }),
})
const MARCH = { from: '2026-03-01', to: '2026-03-31' }

describe('CloudBase statistics counted before the site-less cubes', () => {
  let app: Awaited<ReturnType<typeof startCloudbaseTestApp>>
  beforeAll(async () => {
    app = await startCloudbaseTestApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  const refresh = async (store: StatsStore, caseId: string, next: CaseContribution) => {
    await store.markStatsPending([caseId], '2026-03-10T00:00:00.000Z')
    const pending = (await store.listStatsPending(100)).find((p) => p.caseId === caseId)
    if (!pending) throw new Error('no mark')
    await store.refreshCaseStats(pending, next)
  }

  it('when a deployment counted its cases before the site-less cubes, then its first pass marks them once and their refresh fills the cubes', async () => {
    // as an older deployment left them: contributions without a cube list, and no record of the upgrade
    const old = cloudbaseStatsStore(app.db)
    await refresh(old, 'c1', contribution('site-a', '1-09', true))
    await refresh(old, 'c2', contribution('site-b', '1-09', true))
    ok(await app.db.collection(COLLECTIONS.statsMeta).doc('site-less-cubes').remove())
    expect(await old.sumCube({ cube: 'all_month_slot', ...MARCH, sites: null, by: [] })).toEqual([])

    const upgraded = cloudbaseStatsStore(app.db) // the new code's first pass
    const pending = await upgraded.listStatsPending(100)
    expect(pending.map((p) => p.caseId).sort()).toEqual(['c1', 'c2'])
    for (const p of pending) await upgraded.refreshCaseStats(p, contribution(p.caseId === 'c1' ? 'site-a' : 'site-b', '1-09', false))

    const everySite = await upgraded.sumCube({ cube: 'month_slot', ...MARCH, sites: null, by: [] })
    expect(everySite.map((r) => [r.day, r.slot, r.volume])).toEqual([['2026-03-01', '1-09', 2]])
    expect(await upgraded.sumCube({ cube: 'month_slot', ...MARCH, sites: ['site-a', 'site-b'], by: [] })).toEqual(everySite)
    // done once: a later deployment's first pass finds the record and marks nothing
    expect(await cloudbaseStatsStore(app.db).listStatsPending(100)).toEqual([])
  })

  // More old contributions than one page: the clock's minute cannot hold a pass over all of them, so the upgrade
  // goes a page per listStatsPending, its cursor in the record, and the refresh of the cases marked goes on meanwhile.
  it('when more cases than a page were counted before the site-less cubes, then each pass marks at most a page, the passes fill the twins (the regulator reads the per-site cube until they are whole), and once done none reads the contributions', async () => {
    app.loopback.db.reset()
    const n = UPGRADE_PAGE + 50
    const siteOf = new Map(Array.from({ length: n }, (_, i) => [`old-${String(i).padStart(4, '0')}`, `site-${i % 7}`]))
    const ids = [...siteOf.keys()]
    const old = cloudbaseStatsStore(app.db)
    await old.markStatsPending(ids, '2026-03-10T00:00:00.000Z')
    const marked = await old.listStatsPending(1000)
    expect(marked).toHaveLength(n)
    for (const p of marked) await old.refreshCaseStats(p, contribution(siteOf.get(p.caseId) ?? '', '1-09', true))
    ok(await app.db.collection(COLLECTIONS.statsMeta).doc('site-less-cubes').remove()) // as the code before the twins left it
    const sites = [...new Set(siteOf.values())]
    const perSite = await old.sumCube({ cube: 'month_slot', ...MARCH, sites, by: ['site'] })
    expect(perSite.reduce((t, r) => t + r.volume, 0)).toBe(n)

    const contributionReads = () =>
      app.loopback.adminCalls.filter((c) => c.action === 'database.getDocument' && c.body.collectionName === COLLECTIONS.statsContributions)
        .length
    const upgraded = cloudbaseStatsStore(app.db)
    app.loopback.adminCalls.length = 0
    const first = await upgraded.listStatsPending(100)
    // (a) one page marked, and the call still answers the oldest marks
    expect(app.loopback.db.docs(COLLECTIONS.statsPending)).toHaveLength(UPGRADE_PAGE)
    expect(first).toHaveLength(100)
    expect(contributionReads()).toBeGreaterThan(0)
    await upgraded.setStatsWatermark('2026-03-10T00:01:00.000Z')
    expect(await upgraded.statsWatermark()).toBeNull() // cases left to mark: not exact as of then

    // (b) the ordinary passes finish it: every old case refreshed once, the twins equal the per-site cube
    const refreshed = new Map<string, number>()
    for (let batch = first; batch.length > 0; batch = await upgraded.listStatsPending(100)) {
      for (const p of batch) {
        await upgraded.refreshCaseStats(p, contribution(siteOf.get(p.caseId) ?? '', '1-09', false))
        refreshed.set(p.caseId, (refreshed.get(p.caseId) ?? 0) + 1)
      }
      if (refreshed.size === 100) {
        // half-way: the twin holds the cases refreshed so far; the regulator (every site) is answered from the
        // per-site cube, which counts every case, until the twins are whole (stats-site-less-ready.ts)
        const partial = await upgraded.sumCube({ cube: 'all_month_slot', ...MARCH, sites: null, by: [] })
        expect(partial.map((r) => r.volume)).toEqual([100])
        const everySite = await upgraded.sumCube({ cube: 'month_slot', ...MARCH, sites: null, by: [] })
        expect(everySite.map((r) => r.volume)).toEqual([n])
      }
    }
    expect([...refreshed.keys()].sort()).toEqual(ids)
    expect(await upgraded.sumCube({ cube: 'month_slot', ...MARCH, sites, by: ['site'] })).toEqual(perSite)
    const twin = await upgraded.sumCube({ cube: 'all_month_slot', ...MARCH, sites: null, by: [] })
    expect(twin.map((r) => [r.day, r.slot, r.volume])).toEqual([['2026-03-01', '1-09', n]])
    await upgraded.setStatsWatermark('2026-03-10T00:09:00.000Z')
    expect(await upgraded.statsWatermark()).toBe('2026-03-10T00:09:00.000Z')
    expect(app.loopback.db.docs(COLLECTIONS.statsMeta).map((d) => d._id)).toContain('site-less-ready') // from now on the twins answer

    // (c) done: neither this process nor a new one reads a contribution again
    const before = contributionReads()
    expect(await upgraded.listStatsPending(100)).toEqual([])
    expect(await cloudbaseStatsStore(app.db).listStatsPending(100)).toEqual([])
    expect(contributionReads()).toBe(before)
  })

  it('when the queue is full, then the site-less upgrade marks nothing, and filings waiting are refreshed before its re-marks', async () => {
    app.loopback.db.reset()
    const old = cloudbaseStatsStore(app.db)
    await refresh(old, 'c1', contribution('site-a', '1-09', true))
    await refresh(old, 'c2', contribution('site-b', '1-09', true))
    ok(await app.db.collection(COLLECTIONS.statsMeta).doc('site-less-cubes').remove())
    const upgraded = cloudbaseStatsStore(app.db)
    await upgraded.markStatsPending(['x1', 'x2', 'x3'], '2026-03-11T00:00:00.000Z') // filings waiting
    const pendingIds = () =>
      app.loopback.db
        .docs(COLLECTIONS.statsPending)
        .map((d) => String(d._id))
        .sort()
    const order: string[] = []
    for (let page = await upgraded.listStatsPending(2); page.length > 0; page = await upgraded.listStatsPending(2)) {
      // the first page is full (x1, x2): nothing re-marked behind it yet
      if (order.length === 0) expect(pendingIds()).toEqual(['x1', 'x2', 'x3'])
      for (const p of page) {
        order.push(p.caseId)
        await upgraded.refreshCaseStats(p, contribution(p.caseId === 'c2' ? 'site-b' : 'site-a', '1-09', false))
      }
    }
    expect(order.slice(0, 3)).toEqual(['x1', 'x2', 'x3'])
    expect(order.slice(3).sort()).toEqual(['c1', 'c2']) // re-marked once the queue was short
  })
})
