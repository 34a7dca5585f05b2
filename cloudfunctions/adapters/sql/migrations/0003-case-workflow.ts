import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 4: the workflow state a case carries, and the hash chain over its timeline. Events written
// before the chain existed keep empty hashes; the verifier reports them as the first broken link.
export const caseWorkflow: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('cases')
      .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('outcome', 'text')
      .execute()
    await db.schema
      .alterTable('case_events')
      .addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('hash', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
  },
}
