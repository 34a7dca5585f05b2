import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 17 items 3 and 9. Fast-track needs nothing on the case row (its decision and progress are
// events); only where a check-in was made is kept, sealed, beside its event. Report rewards: one
// application per report, the reporter's contact sealed, the station's decision in plain columns.
export const fastTrackAndRewards: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('on_site_checkins')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('location_sealed', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('on_site_checkins_case').on('on_site_checkins').columns(['case_id', 'at']).execute()
    await db.schema
      .createTable('report_rewards')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'timestamptz', (c) => c.notNull())
      .addColumn('contact_sealed', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer')
      .addColumn('decision_reason', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'timestamptz')
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('report_rewards').execute()
    await db.schema.dropTable('on_site_checkins').execute()
  },
}
