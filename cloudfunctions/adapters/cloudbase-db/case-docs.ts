import { z } from 'zod'
import { CaseSchema, ComplainantSchema, type Case } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { CLOCK_IDS, type ClockId } from '../../../src/domain/clocks/clock-rules'
import type { TallyCounts } from '../../../src/domain/merchant/merchant-tally'
import { OPEN_STATUSES } from '../../../src/domain/workflow/transitions'
import type { ClockSummary } from '../../ports/store'
import type { Vault } from '../../ports/system'
import { utc } from './doc-codec'
import { parseDoc } from './doc-reads'

// A case as a document of COLLECTIONS.cases: `_id` = the case id, the Case's own camelCase fields,
// personal data sealed with the vault exactly where the SQL row mapper seals it (the complainant and
// the query code), createdAt/updatedAt in fixed-width UTC (lists sort on them) — plus what the board
// and the shop's record query, written with every change of the case (createCase, applyChange):
//   open          true while the status is one of OPEN_STATUSES (the default board)
//   runningClocks clockId → the running clock's deadlines: the case's clocks as far as the board needs
//                 them, so applyChange finds the new soonest clock without reading every clock document
//                 (only createCase and applyChange start, stop or move deadlines; the tick moves stages)
//   clockSummary  the soonest running clock (ClockSummary, instants in UTC), or null
//   boardDueAt    its due instant, or NO_CLOCK_DUE when none runs: the board's sort key
//   tally         0/1 flags, what this complaint counts for in its shop's record (merchant-tally.ts;
//                 all 0 on a report). `tally.responseLate` is ALSO set to 1 by the tick when it marks
//                 a complaint's merchant_response clock overdue (a count cannot flip by itself as time
//                 passes): the field name is a contract with the clock store, keep it.
// applyChange rewrites the whole document (set()) from what it read through its transaction: a field
// another store writes on a case document must be carried over there, as `tally` is.

/** boardDueAt of a case with no running clock: after every real instant, so it sorts last. */
export const NO_CLOCK_DUE = '9999-12-31T00:00:00.000Z'

/** A flag of `tally`: `tally.<flag>` is 1 when the complaint counts for it. */
export type TallyFlag = keyof TallyCounts
const Flag = z.union([z.literal(0), z.literal(1)])
export const TallySchema = z.object({
  open: Flag,
  closed: Flag,
  settled: Flag,
  responseStarted: Flag,
  responseOnTime: Flag,
  responseLate: Flag,
})

const Instant = z.iso.datetime({ offset: true })
const RunningClockSchema = z.object({
  startedAt: Instant,
  dueAt: Instant,
  remindAt: Instant,
  urgeAt: Instant,
  explanation: z.string(),
  provisional: z.boolean(),
})
export const RunningClocksSchema = z.partialRecord(z.enum(CLOCK_IDS), RunningClockSchema)
export type RunningClocks = z.infer<typeof RunningClocksSchema>

export const ClockSummarySchema = z.object({
  clockId: z.enum(CLOCK_IDS),
  dueAt: Instant,
  remindAt: Instant,
  urgeAt: Instant,
  explanation: z.string(),
  provisional: z.boolean(),
})

/** What applyChange needs of the stored document beyond the Case itself. */
export const CaseDocExtrasSchema = z.object({ runningClocks: RunningClocksSchema, tally: TallySchema })

/** The running clocks after `changed` (started, moved or stopped clocks) landed on `before`. */
export function runningClocksAfter(before: RunningClocks, changed: readonly CaseClock[]): RunningClocks {
  const next: RunningClocks = { ...before }
  for (const k of changed) {
    // a paused clock (a suspended mediation) is not what is due next
    if (k.stage === 'stopped' || k.pausedAt) delete next[k.clockId]
    else
      next[k.clockId] = {
        startedAt: utc(k.startedAt),
        dueAt: utc(k.dueAt),
        remindAt: utc(k.remindAt),
        urgeAt: utc(k.urgeAt),
        explanation: k.explanation,
        provisional: k.provisional,
      }
  }
  return next
}

/** The soonest running clock, as the SQL store picks it: by due, then start, then clock id. */
export function clockSummaryOf(running: RunningClocks): ClockSummary | null {
  let best: (ClockSummary & { startedAt: string }) | null = null
  for (const clockId of Object.keys(running).sort() as ClockId[]) {
    const k = running[clockId]
    if (!k) continue
    if (!best || k.dueAt < best.dueAt || (k.dueAt === best.dueAt && k.startedAt < best.startedAt)) best = { clockId, ...k }
  }
  if (!best) return null
  const { startedAt: _started, ...summary } = best
  return summary
}

/** The case's fields as written (no `_id`: set() refuses one), its personal data sealed. */
export function caseToDoc(vault: Vault, c: Case, running: RunningClocks, tally: TallyCounts) {
  const { id: _id, complainant, queryCode, ...fields } = c
  const summary = clockSummaryOf(running)
  return {
    ...fields,
    createdAt: utc(c.createdAt),
    updatedAt: utc(c.updatedAt),
    receivedAt: utc(c.receivedAt ?? c.createdAt), // every clock starts here (intake-channel.ts)
    complainantSealed: complainant ? vault.seal(JSON.stringify(complainant)) : null,
    queryCodeSealed: vault.seal(queryCode),
    open: OPEN_STATUSES.includes(c.status),
    runningClocks: running,
    clockSummary: summary,
    boardDueAt: summary?.dueAt ?? NO_CLOCK_DUE,
    tally,
  }
}
export type CaseDocBody = ReturnType<typeof caseToDoc>

/** Cases carry sealed personal data: the mapper needs the vault to open it. Extra fields are dropped. */
export const caseDocMapper =
  (vault: Vault) =>
  (doc: Record<string, unknown> & { _id: string }): Case => {
    const sealed = z.object({ complainantSealed: z.string().nullable(), queryCodeSealed: z.string() }).parse(doc)
    return parseDoc(CaseSchema, {
      ...doc,
      receivedAt: doc.receivedAt ?? doc.createdAt, // written before issue 17: received when filed
      complainant: sealed.complainantSealed ? ComplainantSchema.parse(JSON.parse(vault.open(sealed.complainantSealed))) : null,
      queryCode: vault.open(sealed.queryCodeSealed),
    })
  }
