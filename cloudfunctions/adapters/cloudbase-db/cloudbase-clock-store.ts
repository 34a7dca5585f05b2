import { z } from 'zod'
import type { ClockStep, ClockStore } from '../../ports/store'
import { clockDocId, clockStepFields, isStillAt, toClock } from './clock-docs'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb, type DocTransaction } from './doc-db'
import { chunksOf, readUpTo } from './doc-lists'
import { readAll, readDoc } from './doc-reads'
import { queueOutbox } from './outbox-docs'
import { markStatsPendingTx } from './stats-marks'
import { transact } from './transact'

// The clocks on the document database (ClockStore; the batched tick is in cloudbase-clock-batch.ts).
// A move of a clock is a transaction that reads the clock document, checks it is still the run and
// stage the step was decided on, writes the step, adds its alerts to the outbox and, when a
// complaint's response clock turns overdue, flags the case late for its shop's record. A concurrent
// tick or case change that wrote the clock first makes this one conflict; transact() runs it again,
// and the re-read finds the clock moved, so the step is skipped, never written twice.
//
// Indexes (case_clocks), fields in query order:
//   caseId, startedAt, clockId   listClocksOfCase, listClocksOfCases (caseId in […])
//   nextCheckAt, _id             findClocksDueBefore, advanceDueClocks (nextCheckAt <= now, earliest first)

/** Case ids per `caseId in […]` query: the case store's board page is far below this. */
const CASES_PER_QUERY = 100

/** What the late flag needs of the case document: its kind and its tally (case-docs.ts owns the shape). */
const LateFlagView = z.object({
  kind: z.string(),
  tally: z.object({ responseLate: z.number().optional() }).optional(),
})

const marksResponseLate = ({ next, fromStage }: Pick<ClockStep, 'next' | 'fromStage'>) =>
  next.clockId === 'merchant_response' && next.stage === 'overdue' && fromStage !== 'overdue'

/**
 * A complaint whose response clock the tick marked overdue is one more late response for its shop:
 * the case document's `tally.responseLate` flag (the shop's record counts these flags; a count cannot
 * flip by itself as time passes). A report leaves no trace. Read through the transaction, so a case
 * change at the same time conflicts with this write instead of overwriting it.
 */
async function flagResponseLate(tx: DocTransaction, caseId: string) {
  const ref = tx.collection(COLLECTIONS.cases).doc(caseId)
  const doc = await readDoc(ref)
  if (!doc) return
  const view = LateFlagView.parse(doc)
  if (view.kind !== 'complaint' || view.tally?.responseLate === 1) return
  ok(await ref.update({ tally: { responseLate: 1 } })) // the SDK writes a nested object as a $set of its paths
}

/**
 * Write one step inside `tx` if the clock is still where the step was decided (same run, same stage):
 * the move, its alerts and its effect on the shop's record. False when someone moved it first.
 */
export async function writeClockStep(tx: DocTransaction, step: ClockStep): Promise<boolean> {
  if (!(await moveClock(tx, step))) return false
  await queueOutbox(tx, step.alerts)
  await markStatsPendingTx(tx, step.next.caseId) // a clock that ran out turns the case's figures
  return true
}

/**
 * The clock's part of a step, without its alerts and the statistics' mark (the batched tick queues a
 * whole run's alerts in one request, and marks each case of the run once): re-read it, move it only if it is still at `fromStage` in the same run, and flag a
 * complaint's late response. False when another tick moved it first.
 */
export async function moveClock(tx: DocTransaction, step: ClockStep): Promise<boolean> {
  const { next, fromStage } = step
  const clock = tx.collection(COLLECTIONS.clocks).doc(clockDocId(next.caseId, next.clockId))
  if (!isStillAt(await readDoc(clock), next, fromStage)) return false
  ok(await clock.update(clockStepFields(next)))
  if (marksResponseLate(step)) await flagResponseLate(tx, next.caseId)
  return true
}

/** The clocks whose next check is at or before `instant`, earliest first (the tick's work). */
export const dueClocksQuery = (db: DocDb, instant: string) =>
  db
    .collection(COLLECTIONS.clocks)
    .where({ nextCheckAt: db.command.lte(utc(instant)) }) // null (nothing more to check) never compares with a string
    .orderBy('nextCheckAt', 'asc')
    .orderBy('_id', 'asc')

// advanceDueClocks, the batched tick, is in cloudbase-clock-batch.ts
export function cloudbaseClockStore(db: DocDb): Omit<ClockStore, 'advanceDueClocks'> {
  const clocksOf = (caseIds: readonly string[]) =>
    readAll(
      db
        .collection(COLLECTIONS.clocks)
        .where({ caseId: caseIds.length === 1 ? caseIds[0] : db.command.in([...caseIds]) })
        .orderBy('caseId', 'asc')
        .orderBy('startedAt', 'asc')
        .orderBy('clockId', 'asc'), // unique within a case: pages cannot repeat or skip
    )

  return {
    async listClocksOfCase(caseId) {
      return (await clocksOf([caseId])).map(toClock)
    },

    async listClocksOfCases(caseIds) {
      const ids = [...new Set(caseIds)].sort()
      const found = []
      for (const run of chunksOf(ids, CASES_PER_QUERY)) found.push(...(await clocksOf(run)))
      return found.map(toClock)
    },

    async findClocksDueBefore(instant, limit) {
      return (await readUpTo(dueClocksQuery(db, instant), limit)).map(toClock)
    },

    advanceClock: (next, fromStage, alerts) => transact(db, (tx) => writeClockStep(tx, { next, fromStage, alerts })),
  }
}
