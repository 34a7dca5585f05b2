import { CaseSchema } from '../../../src/domain/case.schema'
import type { CaseAddressees, ClockStep, ClockStore, DueClock } from '../../ports/store'
import { toClock } from './clock-docs'
import { dueClocksQuery, moveClock } from './cloudbase-clock-store'
import { queueOutbox } from './outbox-docs'
import { markStatsPendingTx } from './stats-marks'
import { COLLECTIONS } from './collection-names'
import type { DocDb } from './doc-db'
import { chunksOf, readUpTo } from './doc-lists'
import { MAX_PAGE, parseDoc, readAll } from './doc-reads'
import { transact } from './transact'

// The tick, a batch at a time, on the document database (the SQL store does it in one locked read
// and one transaction, sql-clock-batch.ts). Here: one read of the due clocks (index nextCheckAt),
// one read of their cases by id (`_id in […]`, only the fields the alerts need), the caller's steps,
// then the moves in a few transactions of STEPS_PER_TRANSACTION clocks each, side by side.
//
// There is no FOR UPDATE SKIP LOCKED: two ticks at once may read the same due clocks. Each write is
// conditional instead — the transaction re-reads every clock and writes a step only if the clock is
// still at the run and stage it was read in (writeClockStep); the tick that comes second conflicts,
// runs again, finds those clocks moved, and skips them. So every step is written once, and a tick
// answers only the clocks it wrote: `examined` counts what this tick took, as the SQL store's count
// leaves out the rows another tick held.
//
// Indexes: case_clocks (nextCheckAt, _id) — see cloudbase-clock-store.ts; cases by _id need none.

/** Clocks per transaction: small enough that a conflict re-runs little, large enough to keep calls few. */
const STEPS_PER_TRANSACTION = 20

const AddresseesSchema = CaseSchema.pick({ id: true, kind: true, filedBy: true, merchantId: true, siteId: true })

/**
 * The steps in runs of about STEPS_PER_TRANSACTION, a case's steps kept in one run: runs side by side
 * then touch disjoint case documents and statistics marks, so they do not conflict with each other.
 */
function runsByCase(steps: readonly ClockStep[]): ClockStep[][] {
  const byCase = new Map<string, ClockStep[]>()
  for (const s of steps) byCase.set(s.next.caseId, [...(byCase.get(s.next.caseId) ?? []), s])
  const runs: ClockStep[][] = [[]]
  for (const group of byCase.values()) {
    const last = runs[runs.length - 1]
    if (last.length > 0 && last.length + group.length > STEPS_PER_TRANSACTION) runs.push([...group])
    else last.push(...group)
  }
  return runs.filter((r) => r.length > 0)
}

/** Who hears about each case's clocks: the cases by id, in one call per 1,000, only those fields. */
async function addresseesOf(db: DocDb, caseIds: readonly string[]): Promise<Map<string, CaseAddressees>> {
  const found = new Map<string, CaseAddressees>()
  for (const ids of chunksOf([...new Set(caseIds)], MAX_PAGE)) {
    const docs = await readAll(
      db
        .collection(COLLECTIONS.cases)
        .where({ _id: db.command.in(ids) })
        .field({ kind: true, filedBy: true, merchantId: true, siteId: true })
        .orderBy('_id', 'asc'),
    )
    for (const doc of docs) {
      const c = parseDoc(AddresseesSchema, doc)
      found.set(c.id, c)
    }
  }
  return found
}

export function cloudbaseClockBatch(db: DocDb): Pick<ClockStore, 'advanceDueClocks'> {
  return {
    async advanceDueClocks(instant, limit, step) {
      const clocks = (await readUpTo(dueClocksQuery(db, instant), limit)).map(toClock)
      if (clocks.length === 0) return { examined: 0, written: [] }
      const cases = await addresseesOf(
        db,
        clocks.map((k) => k.caseId),
      )
      // a clock is written with its case (createCase, applyChange): one without a case is not the tick's to move
      const due: DueClock[] = clocks.flatMap((clock) => {
        const c = cases.get(clock.caseId)
        return c ? [{ clock, case: c }] : []
      })
      const steps = due.map(step)
      // The runs are independent transactions over different clocks, so they go side by side: the
      // tick's wall time is one run's requests, not all of them one after another. Two runs that touch
      // one case (its late flag) conflict, and transact runs the loser again.
      const landed = await Promise.all(
        runsByCase(steps).map((run) =>
          transact(db, async (tx) => {
            const mine: ClockStep[] = [] // afresh on each attempt: a retry re-reads every clock of the run
            for (const s of run) if (await moveClock(tx, s)) mine.push(s)
            for (const caseId of new Set(mine.map((s) => s.next.caseId))) await markStatsPendingTx(tx, caseId) // once per case
            await queueOutbox(
              tx,
              mine.flatMap((s) => s.alerts),
            ) // the run's alerts in one request
            return mine
          }),
        ),
      )
      const written = landed.flat()
      return { examined: written.length, written }
    },
  }
}
