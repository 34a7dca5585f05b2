import { cloudbaseStatsStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-stats-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { UPGRADE_PAGE } from '../../cloudfunctions/adapters/cloudbase-db/stats-upgrade-cursor'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'

// The document database's equivalent of migration 0031's re-mark (stats-tag-upgrade.ts, docs/tags.md): a
// deployment whose staff confirmed tags before the tag cube existed. Its first refresh pass marks, once,
// the cases with confirmed tags, and records that it did; no later pass (nor another process) marks again.
describe('the tag cube on a CloudBase deployment that already holds confirmed tags', () => {
  let t: CloudbaseTestApp
  beforeAll(async () => {
    t = await startCloudbaseTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('when the first refresh pass lists the marks, then the cases with confirmed tags are marked once, and never again', async () => {
    const tags = t.db.collection(COLLECTIONS.caseTags)
    const record = (confirmed: string[] | null) => ({
      proposed: ['quality'],
      confirmed,
      confirmedBy: confirmed ? 'st' : null,
      confirmedAt: null,
    })
    await tags.doc('case-tagged').set(record(['elderly', 'quality']))
    await tags.doc('case-proposed-only').set(record(null))
    await tags.doc('case-none-chosen').set(record([]))

    const first = await cloudbaseStatsStore(t.db).listStatsPending(10)
    expect(first.map((p) => p.caseId)).toEqual(['case-tagged'])
    expect((await t.db.collection(COLLECTIONS.statsMeta).doc('tag-cube').get()).data).toHaveLength(1)

    // the refresh clears the mark; a later process finds the record and marks nothing
    await t.db.collection(COLLECTIONS.statsPending).doc('case-tagged').remove()
    expect(await cloudbaseStatsStore(t.db).listStatsPending(10)).toEqual([])
  })

  // More tag records than one page: a page per listStatsPending (stats-upgrade-cursor.ts), so the clock's
  // minute is never spent on the whole collection; the watermark waits until the last page is read.
  it('when more cases than a page hold tags, then each pass reads one page of them, the watermark waits for the last, and once done none reads them', async () => {
    t.loopback.db.reset()
    const tags = t.db.collection(COLLECTIONS.caseTags)
    const ids = Array.from({ length: UPGRADE_PAGE + 50 }, (_, i) => `case-${String(i).padStart(4, '0')}`)
    const tagged = ids.filter((_, i) => i % 10 === 0)
    for (const id of ids) {
      const confirmed = tagged.includes(id) ? ['elderly'] : null
      await tags.doc(id).set({ proposed: ['elderly'], confirmed, confirmedBy: confirmed ? 'st' : null, confirmedAt: null })
    }
    const tagReads = () =>
      t.loopback.adminCalls.filter((c) => c.action === 'database.getDocument' && c.body.collectionName === COLLECTIONS.caseTags).length
    const refreshed = async (caseIds: readonly string[]) => {
      for (const id of caseIds) await t.db.collection(COLLECTIONS.statsPending).doc(id).remove() // as the refresh clears them
    }
    const store = cloudbaseStatsStore(t.db)
    t.loopback.adminCalls.length = 0

    const first = (await store.listStatsPending(100)).map((p) => p.caseId)
    expect(tagReads()).toBeGreaterThan(0)
    expect(first.sort()).toEqual(tagged.slice(0, UPGRADE_PAGE / 10))
    await refreshed(first)
    await store.setStatsWatermark('2026-03-10T00:01:00.000Z')
    expect(await store.statsWatermark()).toBeNull() // the queue is empty, but 50 records are still to be read

    const second = (await store.listStatsPending(100)).map((p) => p.caseId)
    expect(second.sort()).toEqual(tagged.slice(UPGRADE_PAGE / 10))
    await refreshed(second)
    await store.setStatsWatermark('2026-03-10T00:02:00.000Z')
    expect(await store.statsWatermark()).toBe('2026-03-10T00:02:00.000Z')

    const before = tagReads()
    expect(await store.listStatsPending(100)).toEqual([])
    expect(await cloudbaseStatsStore(t.db).listStatsPending(100)).toEqual([])
    expect(tagReads()).toBe(before)
  })
})
