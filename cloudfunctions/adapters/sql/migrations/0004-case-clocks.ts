import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 4: the clocks running on each case. The partial index on next_check_at is what keeps the
// tick's cost proportional to the work that is due, not to the number of open cases.
export const caseClocks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_clocks')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('clock_id', 'text', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz', (c) => c.notNull())
      .addColumn('remind_at', 'timestamptz', (c) => c.notNull())
      .addColumn('urge_at', 'timestamptz', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('provisional', 'boolean', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('next_check_at', 'timestamptz')
      .addColumn('stopped_at', 'timestamptz')
      .addPrimaryKeyConstraint('case_clocks_pk', ['case_id', 'clock_id'])
      .execute()
    await sql`create index case_clocks_due on case_clocks (next_check_at) where next_check_at is not null`.execute(db)
    // Clock alerts are notifications without a timeline event of their own (their eventId names
    // the clock and stage), so the outbox no longer requires a case_events row.
    await sql`alter table outbox drop constraint if exists outbox_event_id_fkey`.execute(db)
  },
}
