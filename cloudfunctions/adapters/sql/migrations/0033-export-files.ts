import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// The files cloud functions made for download and have not deleted yet (docs/cloud-exports.md, "Old
// files"): the maker may discard its own early, the tick deletes the rest after a day. Only a deployment
// with an export outlet writes here; the table is the same everywhere so that every store keeps one contract.
export const exportFiles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('export_files')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('made_by', 'text', (c) => c.notNull())
      .addColumn('made_at', 'timestamptz', (c) => c.notNull())
      .execute()
    // the tick's sweep reads the oldest first
    await db.schema.createIndex('export_files_made_at').on('export_files').columns(['made_at', 'name']).execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('export_files').execute()
  },
}
