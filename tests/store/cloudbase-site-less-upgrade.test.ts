import { cloudbaseStatsStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-stats-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { ok } from '../../cloudfunctions/adapters/cloudbase-db/doc-db'
import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import { ZERO } from '../../src/domain/metrics/counters'
import { CUBE_IDS, type CaseContribution } from '../../src/domain/metrics/cubes'
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
})
