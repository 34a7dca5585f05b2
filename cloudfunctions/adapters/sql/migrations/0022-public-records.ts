import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 19 item 2, 投诉信息公示 (docs/public-records.md). A site's threshold; the published figures
// per (site, shop, month), rolled from the shops' counters by a pass (public_marks: the counters it
// rolled last time); the shops' objections with the station's decision. No complainant, no case text.
export const publicRecords: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('public_settings')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'timestamptz')
      .execute()
    await db.schema
      .createTable('public_marks')
      .addColumn('merchant_id', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .addColumn('settled', 'integer', (c) => c.notNull())
      .addColumn('response_on_time', 'integer', (c) => c.notNull())
      .addColumn('response_late', 'integer', (c) => c.notNull())
      .addColumn('marked_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('public_figures')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('merchant_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('complaints', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('response_on_time', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('response_late', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('public_figures_pk', ['site_id', 'month', 'merchant_id'])
      .execute()
    await db.schema
      .createTable('public_objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('merchant_id', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('period_through', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decision_reason', 'text')
      .addColumn('withdrawn_through', 'text')
      .execute()
    await db.schema.createIndex('public_objections_site').on('public_objections').columns(['site_id', 'filed_at']).execute()
    await db.schema.createIndex('public_objections_merchant').on('public_objections').columns(['merchant_id', 'filed_at']).execute()
    // one objection waiting per shop: a second one filed at the same moment is refused by the index
    await sql`create unique index public_objections_one_pending on public_objections (merchant_id) where status = 'pending'`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['public_objections', 'public_figures', 'public_marks', 'public_settings']) await db.schema.dropTable(t).execute()
  },
}
