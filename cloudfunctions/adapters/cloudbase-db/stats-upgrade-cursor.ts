import { z } from 'zod'
import { COLLECTIONS } from './collection-names'
import { ok, type DocDb } from './doc-db'
import { readDoc, readPage, type Doc } from './doc-reads'
import { newMark } from './stats-marks'

// A once-per-deployment re-mark on the document database (CloudBase has no migration step), run a bounded
// step at a time from listStatsPending. The clock cloud function has 60 s for the refresh and everything
// after it, so one step reads ONE page of the collection by _id after the cursor, marks the cases of that
// page that need it, and writes the cursor to its stats_meta record ({ after: <last _id>, done }) — a large
// deployment is upgraded over a few minutes of ticks, and a tick that is killed half-way has lost at most one
// page of work. A page that comes back short is the last: done. Two processes running the same page mark the
// same cases (a mark is a set, a newer one replacing the older) and write the same cursor; one that wrote an
// older cursor after a newer only makes the next step read a page again. A record written by the code before
// the cursor (`{ at }`, written only at the end of a whole pass) reads as done.

/** Documents one step reads: at most that many single-document marks, a small share of the clock's minute */
export const UPGRADE_PAGE = 200
/** Marks sent at once (one request each), so a page costs about ten round trips, not two hundred */
const MARKS_AT_ONCE = 20

const CursorSchema = z.object({ after: z.string().default(''), done: z.boolean().default(true) })

export interface UpgradeCursor {
  /** One bounded step: nothing once the record says done (cached per process). Answers how many cases it marked. */
  step(): Promise<number>
  /** True while the record says the re-mark started and has not finished (a missing record: not started). */
  underWay(): Promise<boolean>
  /** True once the record says done: every case that needed it has been marked (not yet refreshed). */
  finished(): Promise<boolean>
}

/** The re-mark recorded as stats_meta/`record`: marks the case `_id` of every document of `collection` that `needsMark`. */
export function upgradeCursor(db: DocDb, record: string, collection: string, needsMark: (doc: Doc) => boolean): UpgradeCursor {
  const _ = db.command
  const meta = db.collection(COLLECTIONS.statsMeta).doc(record)
  let done = false // per process: once the record says done, no more reads
  const stored = async () => {
    const doc = await readDoc(meta)
    const cursor = doc ? CursorSchema.parse(doc) : null
    if (cursor?.done) done = true
    return cursor
  }
  return {
    async step() {
      if (done) return 0
      const cursor = (await stored()) ?? { after: '', done: false }
      if (cursor.done) return 0
      const docs = await readPage(
        db
          .collection(collection)
          .where({ _id: _.gt(cursor.after) })
          .orderBy('_id', 'asc'),
        UPGRADE_PAGE,
      )
      const ids = docs.filter(needsMark).map((d) => d._id)
      for (let i = 0; i < ids.length; i += MARKS_AT_ONCE) {
        const marks = ids
          .slice(i, i + MARKS_AT_ONCE)
          .map((id) => db.collection(COLLECTIONS.statsPending).doc(id).set({ markedAt: newMark() }))
        for (const res of await Promise.all(marks)) ok(res)
      }
      const finished = docs.length < UPGRADE_PAGE
      ok(await meta.set({ after: docs.at(-1)?._id ?? cursor.after, done: finished, at: new Date().toISOString() }))
      if (finished) done = true
      return ids.length
    },
    async underWay() {
      if (done) return false
      const cursor = await stored()
      return cursor !== null && !cursor.done
    },
    async finished() {
      return done || (await stored())?.done === true
    },
  }
}

/** A record that an upgrade's re-marks have all been refreshed (stats-site-less-ready.ts says when it is written). */
export interface DrainedRecord {
  /** Whether the record is there (cached per process once true: it is never taken back). */
  written(): Promise<boolean>
  /** Called when the watermark has been set (the queue was empty): writes the record if the upgrade is done. */
  noteDrained(): Promise<void>
}

/** stats_meta/`record`, written by the first empty-queue pass after `upgrade` finished, the queue read empty again after its record. */
export function drainedRecord(db: DocDb, record: string, upgrade: UpgradeCursor): DrainedRecord {
  const ref = db.collection(COLLECTIONS.statsMeta).doc(record)
  let written = false
  return {
    async written() {
      if (!written) written = (await readDoc(ref)) !== null
      return written
    },
    async noteDrained() {
      if (written || !(await upgrade.finished())) return
      // read after the upgrade's record: marks its last page wrote before it are in the queue, or refreshed
      if ((await readPage(db.collection(COLLECTIONS.statsPending).where({}), 1)).length > 0) return
      ok(await ref.set({ at: new Date().toISOString() }))
      written = true
    },
  }
}
