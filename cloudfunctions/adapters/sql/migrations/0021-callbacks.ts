import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 19 items 1 and 7 (docs/callbacks.md). The monthly call-back sample: one row per site and
// month, the seed and the population kept beside the drawn items (JSON) so the draw can be re-run;
// `version` guards concurrent recording. The review list of ratings below 80 %: one row per rating
// event. Neither holds personal data (case ids, staff ids, answers); the phone stays on the case.
export const callbacks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('callback_samples')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('population', 'text', (c) => c.notNull())
      .addColumn('drawn_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_explanation', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('callback_samples_pk', ['site_id', 'month'])
      .execute()
    await db.schema.createIndex('callback_samples_month').on('callback_samples').columns(['month', 'site_id']).execute()
    await db.schema
      .createTable('rating_reviews')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('case_no', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('rated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('speed', 'integer', (c) => c.notNull())
      .addColumn('professionalism', 'integer', (c) => c.notNull())
      .addColumn('attitude', 'integer', (c) => c.notNull())
      .addColumn('satisfied', 'boolean', (c) => c.notNull())
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('findings', 'text')
      .addColumn('changes', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('rating_reviews_site').on('rating_reviews').columns(['site_id', 'status', 'rated_at']).execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('rating_reviews').execute()
    await db.schema.dropTable('callback_samples').execute()
  },
}
