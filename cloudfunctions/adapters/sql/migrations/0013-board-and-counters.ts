import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 13: the board and the merchant record read what is kept, instead of scanning.
//
// 1. Each case row carries a summary of its soonest running clock (which clock, when it is due, and
//    the instants that decide its colour), kept by every write that touches the case's clocks. The
//    board filters and sorts on these columns in the query and pages by (next_due_at, id). A case
//    with no running clock sorts last: next_due_at holds a far-future sentinel then (NOT NULL keeps
//    the keyset a plain row comparison that an index answers), and next_clock_id is null.
// 2. Open cases have partial indexes, per site and across sites (a regulator's city board). The
//    predicate lists the open statuses literally; the adapter writes the same literals
//    (OPEN_STATUSES in src/domain/workflow/transitions.ts) so the planner can prove the index
//    applies. A change of the open statuses needs a migration that rebuilds these two indexes.
// 3. merchant_counters: a shop's record (complaints only) kept in the transaction of each change.
export const NO_CLOCK_SENTINEL = '9999-12-31T00:00:00.000Z'
const OPEN = sql`('received', 'accepted', 'with_merchant', 'merchant_answered', 'mediating')`

export const boardAndCounters: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table cases
      add column next_clock_id text,
      add column next_due_at timestamptz not null default ${sql.lit(NO_CLOCK_SENTINEL)}::timestamptz,
      add column next_remind_at timestamptz,
      add column next_urge_at timestamptz,
      add column next_explanation text,
      add column next_provisional boolean`.execute(db)
    await sql`update cases c set
        next_clock_id = k.clock_id, next_due_at = k.due_at, next_remind_at = k.remind_at,
        next_urge_at = k.urge_at, next_explanation = k.explanation, next_provisional = k.provisional
      from (
        select distinct on (case_id) case_id, clock_id, due_at, remind_at, urge_at, explanation, provisional
        from case_clocks where stage <> 'stopped'
        order by case_id, due_at, started_at, clock_id
      ) k
      where k.case_id = c.id`.execute(db)
    await sql`create index cases_open_board on cases (site_id, next_due_at, id) where status in ${OPEN}`.execute(db)
    await sql`create index cases_open_board_all on cases (next_due_at, id) where status in ${OPEN}`.execute(db)
    await sql`create index cases_site_board on cases (site_id, next_due_at, id)`.execute(db)

    await db.schema
      .createTable('merchant_counters')
      .addColumn('merchant_id', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('response_started', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('response_on_time', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('response_late', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    // The backfill counts exactly what the adapter keeps from now on (sql-merchant-counters.ts):
    // a running response clock is late once the tick has marked it overdue.
    await sql`insert into merchant_counters
        (merchant_id, total, open, closed, settled, response_started, response_on_time, response_late)
      select c.merchant_id,
        count(*),
        count(*) filter (where c.status in ${OPEN}),
        count(*) filter (where c.status = 'closed'),
        count(*) filter (where c.status = 'closed' and c.outcome = 'settled'),
        count(k.case_id),
        count(k.case_id) filter (where k.stopped_at is not null and k.stopped_at <= k.due_at),
        count(k.case_id) filter (where (k.stopped_at is not null and k.stopped_at > k.due_at) or (k.stopped_at is null and k.stage = 'overdue'))
      from cases c
      left join case_clocks k on k.case_id = c.id and k.clock_id = 'merchant_response'
      where c.kind = 'complaint'
      group by c.merchant_id`.execute(db)
  },
}
