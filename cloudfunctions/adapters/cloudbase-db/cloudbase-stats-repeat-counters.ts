import { z } from 'zod'
import { cellKey, counterDeltasOf, tallyDeltasOf, type RepeatCell } from '../../../src/domain/metrics/repeat-periods'
import type { RepeatCount } from '../../../src/domain/metrics/repeats'
import type { FilerRow } from '../../../src/domain/metrics/rollup'
import type { RepeatCounterReads } from '../stats-repeat-counters'
import { COLLECTIONS } from './collection-names'
import { digestId } from './doc-codec'
import { ok, type DocDb, type DocTransaction } from './doc-db'
import { readDoc, type Doc } from './doc-reads'
import { drainedRecord, upgradeCursor, type UpgradeCursor } from './stats-upgrade-cursor'

// The repeat-complainant counters on the document database (as SQL migration 0034; src/domain/metrics/
// repeat-periods.ts). Both kinds of document live in stats_repeats, read and written by _id only: a tally,
// _id = digest('tally', grain, period, scope, filer key), { cases }; a counter, _id = digest('counter', grain,
// period, scope), { keys, cases }. The refresh writes them inside its runTransaction, beside the filer rows.
//
// An existing deployment has filer rows and no tallies. The stored contribution document records whether its
// filer rows are in the tallies (`repeats: true`, written by every refresh since): a refresh takes the stored
// contribution's filer rows out of the tallies only if it says so, and always puts the new one's in. The
// upgrade marks, once, every case whose stored contribution has a filer and not that flag (a bounded page per
// listStatsPending, stats-upgrade-cursor.ts, record stats_meta/repeat-counters); each such refresh adds the
// case to the tallies. Until that has drained (stats_meta/repeat-counters-ready, written as the site-less
// twins' record is) countRepeats keeps the exact tally.

/** The flag on a stats_contributions document: its filer rows are counted in the tallies. */
export const REPEATS_FLAG = 'repeats'
const READY = 'repeat-counters-ready'

const TallyDoc = z.object({ cases: z.number() })
const CounterDoc = z.object({ keys: z.number(), cases: z.number() })
const ContributionDoc = z.object({
  _id: z.string(),
  [REPEATS_FLAG]: z.boolean().optional(),
  contribution: z.object({ filerKey: z.string().nullable().optional() }).passthrough(),
})

const tallyId = (t: RepeatCell & { filerKey: string }) => digestId('tally', t.grain, t.start, t.site, t.filerKey)
const counterId = (c: RepeatCell) => digestId('counter', c.grain, c.start, c.site)

/** Inside the refresh's transaction: the filer-row difference into the tallies, their moves across 2 into the counters. */
export async function applyRepeatCountersIn(tx: DocTransaction, filers: readonly FilerRow[]) {
  const repeats = tx.collection(COLLECTIONS.statsRepeats)
  const changes = []
  for (const t of tallyDeltasOf(filers)) {
    const ref = repeats.doc(tallyId(t))
    const stored = await readDoc(ref)
    const before = stored ? TallyDoc.parse(stored).cases : 0
    const after = before + t.cases
    if (after === 0) {
      if (stored) ok(await ref.remove())
    } else ok(await ref.set({ grain: t.grain, period: t.start, site: t.site, filerKey: t.filerKey, cases: after }))
    changes.push({ ...t, before, after })
  }
  for (const c of counterDeltasOf(changes)) {
    const ref = repeats.doc(counterId(c))
    const stored = await readDoc(ref)
    const was = stored ? CounterDoc.parse(stored) : { keys: 0, cases: 0 }
    const keys = was.keys + c.keys
    const cases = was.cases + c.cases
    if (keys === 0 && cases === 0) {
      if (stored) ok(await ref.remove())
    } else ok(await ref.set({ grain: c.grain, period: c.start, site: c.site, keys, cases }))
  }
}

/** Whether a stored contribution document's filer rows are in the tallies. */
export const countedInRepeats = (stored: Doc | null) => stored !== null && stored[REPEATS_FLAG] === true

/** The once-per-deployment re-mark of the cases counted before the tallies (those with a filer only: the others add none). */
export const repeatCountersUpgrade = (db: DocDb): UpgradeCursor =>
  upgradeCursor(db, 'repeat-counters', COLLECTIONS.statsContributions, (doc) => {
    const c = ContributionDoc.parse(doc)
    return c[REPEATS_FLAG] !== true && typeof c.contribution.filerKey === 'string'
  })

export interface CloudbaseRepeatCounters extends RepeatCounterReads {
  /** Called when the watermark has been set (the queue was empty): the counters are whole once the upgrade is done. */
  noteDrained(): Promise<void>
}

export function cloudbaseRepeatCounters(db: DocDb, upgrade: UpgradeCursor): CloudbaseRepeatCounters {
  const record = drainedRecord(db, READY, upgrade) // written as the site-less twins' record is (stats-site-less-ready.ts)
  return {
    ready: () => record.written(),
    async read(cells) {
      const found = new Map<string, RepeatCount>()
      const docs = await Promise.all(cells.map((c) => readDoc(db.collection(COLLECTIONS.statsRepeats).doc(counterId(c)))))
      for (const [i, doc] of docs.entries()) if (doc) found.set(cellKey(cells[i]), CounterDoc.parse(doc))
      return found
    },
    noteDrained: () => record.noteDrained(),
  }
}
