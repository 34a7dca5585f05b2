import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 4, second half: what the workflow needs to remember beyond the status (on-site request,
// the one extension, the merchant's kind of answer, the rating and satisfaction after a closure),
// what an event carries beyond its reason (attachments, structured details), and each site's own
// clock numbers. Defaults keep every existing row valid.
export const caseFollowUp: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('cases')
      .addColumn('completion_kind', 'text', (c) => c.notNull().defaultTo('ordinary'))
      .addColumn('on_site_pending', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('extended', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('answer_kind', 'text')
      .addColumn('rated', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('satisfaction', 'text')
      .execute()
    await db.schema
      .alterTable('case_events')
      .addColumn('attachments', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('details', 'jsonb')
      .execute()
    await db.schema
      .alterTable('sites')
      .addColumn('clock_settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute()
  },
}
