import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// A site's own K and window for 突发消费事件 (docs/bursts-and-similar-cases.md). A site without a row
// uses the default (5 within 24 h). The bounds are the domain's (burst-settings.ts), kept here too so a
// row written by hand cannot make the pass raise on every complaint.
export const burstSettings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('burst_settings')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('k', 'integer', (c) => c.notNull().check(sql`k between 3 and 20`))
      .addColumn('window_hours', 'integer', (c) => c.notNull().check(sql`window_hours between 1 and 168`))
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'timestamptz')
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('burst_settings').execute()
  },
}
