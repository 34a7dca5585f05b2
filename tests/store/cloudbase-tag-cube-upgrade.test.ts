import { cloudbaseStatsStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-stats-store'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
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
})
