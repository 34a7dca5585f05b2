import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { defaultTags, TAGS_SEEDED_AT } from '../../../../src/domain/tags/default-tags'

// Issue 19 item 4 (docs/tags.md): tags as data, seeded with the twenty defaults, and each case's
// proposed and confirmed tags in a record keyed by the case. The board filters on a confirmed tag
// through the GIN index on case_tags.confirmed (`confirmed @> array[tag]`), joined to cases by id.
export const tags: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phrases', sql`text[]`, (c) => c.notNull())
      .addColumn('active', 'boolean', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('case_tags')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('proposed', sql`text[]`, (c) => c.notNull())
      .addColumn('confirmed', sql`text[]`)
      .addColumn('confirmed_by', 'text')
      .addColumn('confirmed_at', 'timestamptz')
      .execute()
    await sql`create index case_tags_confirmed on case_tags using gin (confirmed)`.execute(db)
    for (const t of defaultTags(TAGS_SEEDED_AT)) {
      await sql`insert into tags (id, name, phrases, active, position, updated_at, updated_by)
        values (${t.id}, ${t.name}, ${t.phrases}::text[], ${t.active}, ${t.position}, ${t.updatedAt}::timestamptz, ${t.updatedBy})`.execute(
        db,
      )
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('case_tags').execute()
    await db.schema.dropTable('tags').execute()
  },
}
