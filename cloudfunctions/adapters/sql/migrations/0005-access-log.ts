import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Privacy: every time staff (or a shop) open a case's personal data, a row says who, when and why.
export const accessLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('access_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('viewer_role', 'text', (c) => c.notNull())
      .addColumn('viewer_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('access_log_case').on('access_log').columns(['case_id', 'at']).execute()
  },
}
