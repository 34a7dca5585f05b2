import { z } from 'zod'
import { COLLECTIONS } from './collection-names'
import { ok, type DocDb } from './doc-db'
import { readDoc, readPage } from './doc-reads'
import { newMark } from './stats-marks'

// The document database's equivalent of SQL migration 0032's re-mark (docs/statistics-scale.md). CloudBase
// has no migration step, so the first refresh pass of a deployment that predates the regulator's site-less
// cubes marks, once, every case whose stored contribution names no cubes (stored before them: cubes.ts
// countedIn), and then records that it did (stats_meta/site-less-cubes). The refresh of such a case adds its
// rows to the all_* cubes and leaves its other rows as they were. Contributions are read
// a page at a time by _id, so a large deployment is never held in memory. Two first passes at once mark the
// same cases twice (a mark is a set); one that stops half-way has not written the record: the next marks again.
const DONE = 'site-less-cubes'
const PAGE = 500

const ContributionDoc = z.object({ _id: z.string(), contribution: z.object({ cubes: z.array(z.string()).optional() }).passthrough() })

export function siteLessCubesUpgrade(db: DocDb): () => Promise<void> {
  const _ = db.command
  let done = false // per process: after the first pass that finds the record, no more reads
  return async () => {
    if (done) return
    const meta = db.collection(COLLECTIONS.statsMeta).doc(DONE)
    if (!(await readDoc(meta))) {
      for (let after = ''; ;) {
        const page = await readPage(
          db
            .collection(COLLECTIONS.statsContributions)
            .where({ _id: _.gt(after) })
            .orderBy('_id', 'asc'),
          PAGE,
        )
        for (const doc of page) {
          const c = ContributionDoc.parse(doc)
          if (!c.contribution.cubes) ok(await db.collection(COLLECTIONS.statsPending).doc(c._id).set({ markedAt: newMark() }))
        }
        if (page.length < PAGE) break
        after = page[page.length - 1]._id
      }
      ok(await meta.set({ at: new Date().toISOString() }))
    }
    done = true
  }
}
