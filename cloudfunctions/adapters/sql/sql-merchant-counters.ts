import { sql, type Kysely, type Transaction } from 'kysely'
import { CaseClockSchema, type CaseClock } from '../../../src/domain/clocks/case-clock'
import type { MerchantCaseCounts } from '../../../src/domain/merchant/merchant-record'
import { OPEN_STATUSES } from '../../../src/domain/workflow/transitions'
import type { Database } from './database'

// A shop's record kept as counters (migration 0013), changed in the transaction of each case change:
// the delta between what the case counted for before and after. Complaints only — a report leaves no
// trace in the shop's record. The counted columns never change after filing (merchant, kind), so a
// change is always one shop's delta.

type Response = Pick<CaseClock, 'dueAt' | 'stoppedAt' | 'stage'>

/** What one complaint counts for, in the record's terms. */
export interface Tally {
  status: string
  outcome: string | null
  /** its merchant_response clock, if one ever started */
  response: Response | null
}

type Counts = Omit<MerchantCaseCounts, 'total'>

/**
 * On time: stopped at or before its due. Late: stopped after it, or running and marked overdue by
 * the tick (a counter cannot flip as time passes; advanceClock counts it when the tick gets there).
 */
function countsOf(t: Tally | null): Counts {
  if (!t) return { open: 0, closed: 0, settled: 0, responseStarted: 0, responseOnTime: 0, responseLate: 0 }
  const r = t.response
  const stoppedAt = r?.stoppedAt ? Date.parse(r.stoppedAt) : null
  const due = r ? Date.parse(r.dueAt) : 0
  return {
    open: OPEN_STATUSES.some((s) => s === t.status) ? 1 : 0,
    closed: t.status === 'closed' ? 1 : 0,
    settled: t.status === 'closed' && t.outcome === 'settled' ? 1 : 0,
    responseStarted: r ? 1 : 0,
    responseOnTime: stoppedAt !== null && stoppedAt <= due ? 1 : 0,
    responseLate: r && ((stoppedAt !== null && stoppedAt > due) || (stoppedAt === null && r.stage === 'overdue')) ? 1 : 0,
  }
}

export const responseOf = (clocks: readonly CaseClock[]): Response | null => clocks.find((k) => k.clockId === 'merchant_response') ?? null

export const tallyOf = (row: { status: string; outcome: string | null }, response: Response | null): Tally => ({
  status: row.status,
  outcome: row.outcome,
  response,
})

/** The case's response clock as it stands, locked until the transaction ends (null: it never started). */
export async function lockedResponseClock(trx: Transaction<Database>, caseId: string): Promise<Response | null> {
  const row = await trx
    .selectFrom('case_clocks')
    .select(['due_at', 'stopped_at', 'stage'])
    .where('case_id', '=', caseId)
    .where('clock_id', '=', 'merchant_response')
    .forUpdate()
    .executeTakeFirst()
  if (!row) return null
  return {
    dueAt: new Date(row.due_at).toISOString(),
    stoppedAt: row.stopped_at ? new Date(row.stopped_at).toISOString() : null,
    stage: CaseClockSchema.shape.stage.parse(row.stage),
  }
}

/** Add what `after` counts and take away what `before` counted (null: the case did not exist). */
export async function applyTallyDelta(trx: Transaction<Database>, merchantId: string, before: Tally | null, after: Tally) {
  await tallyDeltaWrite(trx, merchantId, before, after)?.execute()
}

/** applyTallyDelta's statement, unsent (null when nothing moves): createCase sends it inside its one statement. */
export function tallyDeltaWrite(trx: Kysely<Database>, merchantId: string, before: Tally | null, after: Tally) {
  const a = countsOf(after)
  const b = countsOf(before)
  const d = {
    total: before ? 0 : 1,
    open: a.open - b.open,
    closed: a.closed - b.closed,
    settled: a.settled - b.settled,
    response_started: a.responseStarted - b.responseStarted,
    response_on_time: a.responseOnTime - b.responseOnTime,
    response_late: a.responseLate - b.responseLate,
  }
  if (Object.values(d).every((v) => v === 0)) return null
  const add = (column: keyof typeof d) => sql<number>`merchant_counters.${sql.ref(column)} + ${d[column]}`
  return trx
    .insertInto('merchant_counters')
    .values({ merchant_id: merchantId, ...d })
    .onConflict((oc) =>
      oc.column('merchant_id').doUpdateSet({
        total: add('total'),
        open: add('open'),
        closed: add('closed'),
        settled: add('settled'),
        response_started: add('response_started'),
        response_on_time: add('response_on_time'),
        response_late: add('response_late'),
      }),
    )
}

/** The tick marked these response clocks overdue (one batch): one more late response for each case's shop, complaints only; one statement, one row per shop. */
export async function countResponsesLate(trx: Transaction<Database>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return
  await sql`insert into merchant_counters (merchant_id, response_late)
    select merchant_id, count(*) from cases where id in (${sql.join([...caseIds])}) and kind = 'complaint' group by merchant_id
    on conflict (merchant_id) do update set response_late = merchant_counters.response_late + excluded.response_late`.execute(trx)
}

/** Late responses counted per shop already (the batched tick knows each case's shop and kind): one upsert. */
export async function addResponsesLate(trx: Transaction<Database>, perShop: ReadonlyMap<string, number>) {
  if (perShop.size === 0) return
  await trx
    .insertInto('merchant_counters')
    .values([...perShop].map(([merchant_id, n]) => ({ merchant_id, response_late: n })))
    .onConflict((oc) =>
      oc.column('merchant_id').doUpdateSet({ response_late: sql<number>`merchant_counters.response_late + excluded.response_late` }),
    )
    .execute()
}

export async function readCounters(db: Kysely<Database>, merchantId: string): Promise<MerchantCaseCounts> {
  const row = await db.selectFrom('merchant_counters').selectAll().where('merchant_id', '=', merchantId).executeTakeFirst()
  return {
    total: row?.total ?? 0,
    open: row?.open ?? 0,
    closed: row?.closed ?? 0,
    settled: row?.settled ?? 0,
    responseStarted: row?.response_started ?? 0,
    responseOnTime: row?.response_on_time ?? 0,
    responseLate: row?.response_late ?? 0,
  }
}
