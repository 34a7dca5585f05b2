import { CaseClockSchema, type CaseClock } from '../../../src/domain/clocks/case-clock'
import { compoundId, utc, utcOrNull } from './doc-codec'
import { parseDoc } from './doc-reads'

// A case's clock as a document in COLLECTIONS.clocks: the domain CaseClock's own fields, _id =
// compoundId(caseId, clockId) — one document per clock of a case, so starting a clock again (a
// reopen) overwrites the previous run, as the SQL upsert on (case_id, clock_id) does. Shared by the
// clock store (the tick) and the case store, which writes clocks inside createCase / applyChange:
//   const { _id, ...fields } = clockToDoc(c); tx.collection(COLLECTIONS.clocks).doc(_id).set(fields)
//
// The fields the queries use, and their meaning:
//   caseId       the case's clocks (listClocksOfCase(s): where caseId / caseId in […])
//   nextCheckAt  the instant the tick must look at the clock next, fixed-width UTC (utc()), or null
//                when nothing more can happen; the tick's range query `nextCheckAt <= now` compares
//                strings, and null never compares with a string, so finished clocks never match
//   startedAt    fixed-width UTC: the order of a case's clocks, and which run of a clock a step is for
// Every instant is written with utc(), so what reads back is what the SQL store answers.

export interface ClockDoc {
  _id: string
  caseId: string
  clockId: CaseClock['clockId']
  startedAt: string
  dueAt: string
  remindAt: string
  urgeAt: string
  explanation: string
  provisional: boolean
  stage: CaseClock['stage']
  nextCheckAt: string | null
  stoppedAt: string | null
  /** set while the case's mediation is suspended: the clock neither runs nor alerts */
  pausedAt: string | null
}

/** The _id of a case's clock. */
export const clockDocId = (caseId: string, clockId: string) => compoundId(caseId, clockId)

/** The document written for a clock (set() it under its _id: a restarted clock replaces its old run). */
export function clockToDoc(c: CaseClock): ClockDoc {
  return {
    _id: clockDocId(c.caseId, c.clockId),
    caseId: c.caseId,
    clockId: c.clockId,
    startedAt: utc(c.startedAt),
    dueAt: utc(c.dueAt),
    remindAt: utc(c.remindAt),
    urgeAt: utc(c.urgeAt),
    explanation: c.explanation,
    provisional: c.provisional,
    stage: c.stage,
    nextCheckAt: utcOrNull(c.nextCheckAt),
    stoppedAt: utcOrNull(c.stoppedAt),
    pausedAt: utcOrNull(c.pausedAt ?? null),
  }
}

/** A clock's fields without its _id: what doc(_id).set() takes (the SDK refuses an _id in set()). */
export function clockFields(c: CaseClock): Omit<ClockDoc, '_id'> {
  const { _id, ...fields } = clockToDoc(c)
  void _id
  return fields
}

/** What the tick writes when it moves a clock on: only the fields a step changes. */
export const clockStepFields = (next: CaseClock) => ({ stage: next.stage, nextCheckAt: utcOrNull(next.nextCheckAt) })

/** A document read back, validated as the domain's CaseClock. */
export function toClock(doc: Record<string, unknown> & { _id: string }): CaseClock {
  const { pausedAt, ...clock } = parseDoc(CaseClockSchema, doc)
  return pausedAt ? { ...clock, pausedAt } : clock // absent unless paused, as the domain writes it
}

/**
 * Whether the clock as stored is still the one a step was decided on: the same run (startedAt — a
 * reopen restarts it) at the stage the step moves it from. The tick reads the document through its
 * transaction and writes the step only when this holds; otherwise another tick (or the case) moved it.
 */
export function isStillAt(
  doc: (Record<string, unknown> & { _id: string }) | null,
  next: CaseClock,
  fromStage: CaseClock['stage'],
): boolean {
  return doc !== null && doc.stage === fromStage && doc.startedAt === utc(next.startedAt)
}
