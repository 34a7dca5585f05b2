import { sql, type Kysely, type Transaction } from 'kysely'
import { CaseClockSchema } from '../../../src/domain/clocks/case-clock'
import type { MerchantCaseCounts } from '../../../src/domain/merchant/merchant-record'
import { tallyCounts, type Tally } from '../../../src/domain/merchant/merchant-tally'
import type { Database } from './database'

// A shop's record kept as counters (migration 0013), changed in the transaction of each case change:
// the delta between what the case counted for before and after (what a case counts for is in
// src/domain/merchant/merchant-tally.ts). Complaints only — a report leaves no trace in the shop's record. The counted columns never change after filing (merchant, kind), so a
// change is always one shop's delta.

type Response = Tally['response']

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
  const a = tallyCounts(after)
  const b = tallyCounts(before)
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

export { responseOf, tallyOf, type Tally } from '../../../src/domain/merchant/merchant-tally'
