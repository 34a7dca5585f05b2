import { cloudbaseStatsStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-stats-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { ok } from '../../cloudfunctions/adapters/cloudbase-db/doc-db'
import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import type { CaseContribution } from '../../src/domain/metrics/cubes'
import { startCloudbaseTestApp } from '../support/cloudbase-test-app'
import { contribution } from './stats-contract-fixtures'

// CloudBase has no migration: a deployment whose cases were counted before the repeat counters marks, once,
// those with a filer (cloudbase-stats-repeat-counters.ts), as SQL migration 0034 fills them from the filer rows.
// Until their refresh has drained, countRepeats keeps the exact tally; then the counters answer, the same.

const Q1 = [
  { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
  { period: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
]
const CASES: [string, CaseContribution][] = [
  ['a1', contribution('2026-01-10', {}, {}, 'f-a')],
  ['a2', contribution('2026-01-20', { site: 'site-b' }, {}, 'f-a')],
  ['b1', contribution('2026-02-10', {}, {}, 'f-b')],
  ['b2', contribution('2026-03-10', {}, {}, 'f-b')],
  ['n1', contribution('2026-03-10', {}, {}, null)],
]
const EXPECTED = [
  { period: '2026-01', keys: 1, cases: 2 },
  { period: '2026-Q1', keys: 2, cases: 4 },
]

describe('CloudBase statistics counted before the repeat counters', () => {
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
  const counterDocs = () =>
    app.loopback.db
      .docs(COLLECTIONS.statsRepeats)
      .filter((d) => 'keys' in d)
      .map((d) => [d.grain, d.period, d.site, d.keys, d.cases])
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))

  /** As the code before the counters left it: filer rows, contributions without the flag, no tallies, no records. */
  const asBeforeTheCounters = async () => {
    for (const d of app.loopback.db.docs(COLLECTIONS.statsContributions))
      ok(await app.db.collection(COLLECTIONS.statsContributions).doc(String(d._id)).set({ contribution: d.contribution }))
    for (const d of app.loopback.db.docs(COLLECTIONS.statsRepeats))
      ok(await app.db.collection(COLLECTIONS.statsRepeats).doc(String(d._id)).remove())
    for (const id of ['repeat-counters', 'repeat-counters-ready']) ok(await app.db.collection(COLLECTIONS.statsMeta).doc(id).remove())
  }
  const pendingIds = () =>
    app.loopback.db
      .docs(COLLECTIONS.statsPending)
      .map((d) => String(d._id))
      .sort()

  it('when a deployment counted its cases before the repeat counters, then the cases with a filer are marked once, the exact tally answers until they drained, and the counters after', async () => {
    const old = cloudbaseStatsStore(app.db)
    for (const [id, c] of CASES) await refresh(old, id, c)
    await old.setStatsWatermark('2026-03-10T00:01:00.000Z')
    const kept = counterDocs()
    expect(kept.length).toBeGreaterThan(0)
    await asBeforeTheCounters()

    const upgraded = cloudbaseStatsStore(app.db)
    expect(await upgraded.countRepeats({ of: 'complainants', periods: Q1, sites: null })).toEqual(EXPECTED) // the exact tally
    const pending = await upgraded.listStatsPending(100)
    expect(pending.map((p) => p.caseId).sort()).toEqual(['a1', 'a2', 'b1', 'b2']) // not n1: no filer, nothing to add
    const next = new Map(CASES)
    for (const [i, p] of pending.entries()) {
      await upgraded.refreshCaseStats(p, next.get(p.caseId) ?? null)
      // half-way the counters hold part of the cases: the exact tally still answers
      if (i === 1) expect(await upgraded.countRepeats({ of: 'complainants', periods: Q1, sites: null })).toEqual(EXPECTED)
    }
    await upgraded.setStatsWatermark('2026-03-10T00:02:00.000Z')
    expect(app.loopback.db.docs(COLLECTIONS.statsMeta).map((d) => d._id)).toContain('repeat-counters-ready')
    // every case counted once in the tallies: the counters are those the refresh kept from the start
    expect(counterDocs()).toEqual(kept)
    expect(await upgraded.countRepeats({ of: 'complainants', periods: Q1, sites: null })).toEqual(EXPECTED)
    // done once: a later deployment's first pass marks nothing, and a re-mark changes nothing
    const later = cloudbaseStatsStore(app.db)
    expect(await later.listStatsPending(100)).toEqual([])
    await refresh(later, 'b2', contribution('2026-03-10', {}, {}, 'f-b'))
    expect(counterDocs()).toEqual(kept)
  })
  it('when a whole calendar quarter is asked after the upgrade, then its counter document answers it (not the exact tally)', async () => {
    // a counter set wrong on purpose: the exact tally says 2 complainants in Q1; only the counter says 99
    const q1 = app.loopback.db.docs(COLLECTIONS.statsRepeats).find((d) => d.grain === 'quarter' && d.site === '' && 'keys' in d)
    if (!q1) throw new Error('no Q1 counter')
    ok(await app.db.collection(COLLECTIONS.statsRepeats).doc(String(q1._id)).update({ keys: 99 }))
    const store = cloudbaseStatsStore(app.db)
    expect(await store.countRepeats({ of: 'complainants', periods: [Q1[1]], sites: null })).toEqual([
      { period: '2026-Q1', keys: 99, cases: 4 },
    ])
    ok(await app.db.collection(COLLECTIONS.statsRepeats).doc(String(q1._id)).update({ keys: q1.keys }))
  })

  it('when the queue is full, then the upgrade marks nothing, and a filing marked meanwhile is refreshed before the re-marks', async () => {
    await asBeforeTheCounters()
    const upgraded = cloudbaseStatsStore(app.db)
    const next = new Map(CASES)
    const noFiler = contribution('2026-03-11', {}, {}, null)
    await upgraded.markStatsPending(['x1', 'x2', 'x3'], '2026-03-11T00:00:00.000Z')
    const order: string[] = []
    const take = async () => {
      const page = await upgraded.listStatsPending(2)
      for (const p of page) {
        order.push(p.caseId)
        await upgraded.refreshCaseStats(p, next.get(p.caseId) ?? noFiler)
      }
      return page.length
    }
    await take()
    expect(pendingIds()).toEqual(['x3']) // a full page: no upgrade marks were added
    await upgraded.markStatsPending(['new1'], '2026-03-11T00:01:00.000Z') // a filing while the backlog drains
    while ((await take()) > 0);
    expect(order).toEqual(['x1', 'x2', 'x3', 'new1', ...order.slice(4)])
    expect(order.slice(4).sort()).toEqual(['a1', 'a2', 'b1', 'b2']) // re-marked once the queue was short
    await upgraded.setStatsWatermark('2026-03-11T00:02:00.000Z')
    expect(await upgraded.countRepeats({ of: 'complainants', periods: Q1, sites: null })).toEqual(EXPECTED)
  })
})
