import type { Kysely, Selectable, Transaction } from 'kysely'
import { CaseClockSchema, type CaseClock } from '../../../src/domain/clocks/case-clock'
import type { CaseAddressees, ClockStep, ClockStore } from '../../ports/store'
import type { CaseClocksTable, Database } from './database'
import { outboxToRow } from './row-mappers'
import { addResponsesLate, countResponsesLate } from './sql-merchant-counters'
import { markStatsPendingIn } from './sql-stats-store'

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString())

export const toClock = (r: Selectable<CaseClocksTable>): CaseClock =>
  CaseClockSchema.parse({
    caseId: r.case_id,
    clockId: r.clock_id,
    startedAt: iso(r.started_at),
    dueAt: iso(r.due_at),
    remindAt: iso(r.remind_at),
    urgeAt: iso(r.urge_at),
    explanation: r.explanation,
    provisional: r.provisional,
    stage: r.stage,
    nextCheckAt: iso(r.next_check_at),
    stoppedAt: iso(r.stopped_at),
    ...(r.paused_at ? { pausedAt: iso(r.paused_at) } : {}), // absent unless paused, as the domain writes it
  })

const toRow = (c: CaseClock) => ({
  case_id: c.caseId,
  clock_id: c.clockId,
  started_at: c.startedAt,
  due_at: c.dueAt,
  remind_at: c.remindAt,
  urge_at: c.urgeAt,
  explanation: c.explanation,
  provisional: c.provisional,
  stage: c.stage,
  next_check_at: c.nextCheckAt,
  stopped_at: c.stoppedAt,
  paused_at: c.pausedAt ?? null,
})

/**
 * What else changes when the tick moves clocks on. advanceClock and the batched tick
 * (sql-clock-batch.ts) both call this, so an effect added here holds for both: a running response
 * clock marked overdue is one more late response for its shop (the shop's counters cannot flip by
 * themselves as time passes; see sql-merchant-counters.ts).
 */
export async function afterClockMoves(
  trx: Transaction<Database>,
  moved: readonly Pick<ClockStep, 'next' | 'fromStage'>[],
  /** each case's shop and kind, when the caller read them already (the batch): no lookup of the cases */
  cases?: ReadonlyMap<string, Pick<CaseAddressees, 'kind' | 'merchantId'>>,
) {
  // a clock that ran out turns a case's figures (a pending clock becomes missed): refreshed after the tick
  await markStatsPendingIn(
    trx,
    moved.map(({ next }) => next.caseId),
  )
  const late = moved
    .filter(({ next, fromStage }) => next.clockId === 'merchant_response' && next.stage === 'overdue' && fromStage !== 'overdue')
    .map(({ next }) => next.caseId)
  if (!cases) return countResponsesLate(trx, late)
  const perShop = new Map<string, number>()
  for (const c of late.map((id) => cases.get(id)))
    if (c?.kind === 'complaint') perShop.set(c.merchantId, (perShop.get(c.merchantId) ?? 0) + 1) // a report leaves no trace
  await addResponsesLate(trx, perShop)
}

/** A clock's row as written (createCase inserts its clocks within its one statement). */
export const clockToRow = toRow

/** Start or stop clocks inside the transaction of the case change that caused it. */
export async function writeClocks(trx: Transaction<Database>, clocks: readonly CaseClock[]) {
  for (const c of clocks) {
    const { case_id: _c, clock_id: _k, ...changes } = toRow(c)
    await trx
      .insertInto('case_clocks')
      .values(toRow(c))
      .onConflict((oc) => oc.columns(['case_id', 'clock_id']).doUpdateSet(changes))
      .execute()
  }
}

// advanceDueClocks, the batched tick, is in sql-clock-batch.ts
export function sqlClockStore(db: Kysely<Database>): Omit<ClockStore, 'advanceDueClocks'> {
  return {
    async listClocksOfCase(caseId) {
      const rows = await db
        .selectFrom('case_clocks')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('started_at')
        .orderBy('clock_id')
        .execute()
      return rows.map(toClock)
    },
    async listClocksOfCases(caseIds) {
      if (caseIds.length === 0) return []
      const rows = await db
        .selectFrom('case_clocks')
        .selectAll()
        .where('case_id', 'in', [...caseIds])
        .orderBy('case_id')
        .orderBy('started_at')
        .orderBy('clock_id')
        .execute()
      return rows.map(toClock)
    },
    async findClocksDueBefore(instant, limit) {
      const rows = await db
        .selectFrom('case_clocks')
        .selectAll()
        .where('next_check_at', 'is not', null)
        .where('next_check_at', '<=', new Date(instant))
        .orderBy('next_check_at')
        .limit(limit)
        .execute()
      return rows.map(toClock)
    },
    async advanceClock(next, fromStage, alerts) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('case_clocks')
          .set({ stage: next.stage, next_check_at: next.nextCheckAt })
          .where('case_id', '=', next.caseId)
          .where('clock_id', '=', next.clockId)
          .where('stage', '=', fromStage)
          // the same run of the clock: a tick that read it before a reopen restarted it must not step the new run
          .where('started_at', '=', new Date(next.startedAt))
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) !== 1) return false
        if (alerts.length > 0) await trx.insertInto('outbox').values(alerts.map(outboxToRow)).execute()
        await afterClockMoves(trx, [{ next, fromStage }])
        return true
      })
    },
  }
}
