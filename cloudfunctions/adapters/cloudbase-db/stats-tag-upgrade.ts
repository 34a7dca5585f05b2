import { z } from 'zod'
import { COLLECTIONS } from './collection-names'
import { ok, type DocDb } from './doc-db'
import { readAll, readDoc } from './doc-reads'
import { newMark } from './stats-marks'

// The document database's equivalent of SQL migration 0031's re-mark (docs/tags.md "As a statistics
// dimension"). CloudBase has no migration step, so — as the tags themselves are seeded by the first
// listTags — the first refresh pass of a deployment that predates the tag cube marks, once, every case
// whose tags staff had confirmed, and then records that it did (stats_meta/tag-cube). Only those cases:
// a case without confirmed tags adds nothing to month_tag and its other rows are unchanged, so refreshing
// it would change nothing. Two first passes at once mark the same cases twice, which is harmless (a mark
// is a set); a pass that stops half-way has not written the record, so the next one marks them all again.
const DONE = 'tag-cube'

const CaseTagsDoc = z.object({ _id: z.string(), confirmed: z.array(z.string()).nullable().optional() })

export function tagCubeUpgrade(db: DocDb): () => Promise<void> {
  let done = false // per process: after the first pass that finds the record, no more reads
  return async () => {
    if (done) return
    const meta = db.collection(COLLECTIONS.statsMeta).doc(DONE)
    if (!(await readDoc(meta))) {
      const docs = await readAll(db.collection(COLLECTIONS.caseTags).where({}).orderBy('_id', 'asc'))
      for (const doc of docs) {
        const t = CaseTagsDoc.parse(doc)
        if ((t.confirmed ?? []).length > 0) ok(await db.collection(COLLECTIONS.statsPending).doc(t._id).set({ markedAt: newMark() }))
      }
      ok(await meta.set({ at: new Date().toISOString() }))
    }
    done = true
  }
}
