import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// 待送达建议书 (docs/analysis-letters.md, "The quarterly run"): the letters owed after a quarter's end, one row
// per (site, quarter, shop). The primary key is what makes the tick's run idempotent: a second tick or a
// second host inserts nothing (ON CONFLICT DO NOTHING). delivery_id is set by the delivery that clears it.
export const pendingLetters: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pending_letters')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('merchant_id', 'text', (c) => c.notNull())
      .addColumn('merchant_name', 'text', (c) => c.notNull())
      .addColumn('complaints', 'integer', (c) => c.notNull())
      .addColumn('prepared_at', 'timestamptz', (c) => c.notNull())
      .addColumn('delivery_id', 'text')
      .addPrimaryKeyConstraint('pending_letters_pk', ['site_id', 'quarter', 'merchant_id'])
      .execute()
    // the station's list reads the entries still owed of its site
    await db.schema
      .createIndex('pending_letters_owed')
      .on('pending_letters')
      .columns(['site_id', 'quarter'])
      .where(sql<boolean>`delivery_id is null`)
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('pending_letters').execute()
  },
}
