import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// 突发消费事件 off the filing's path (docs/bursts-and-similar-cases.md): the pass after each tick checks
// the cases filed since its watermark. One row (id is always true); no personal data.
export const burstWatermark: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('burst_watermark')
      .addColumn('id', 'boolean', (c) =>
        c
          .primaryKey()
          .defaultTo(true)
          .check(sql`id`),
      )
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('burst_watermark').execute()
  },
}
