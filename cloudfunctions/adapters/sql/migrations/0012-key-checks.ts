import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 12: a check value per key, HMAC(key, 'kuaisu-key-check'), so that a host started with
// another key than the one the rows were sealed under stops at boot with a sentence, instead of
// answering 500 on every old case (host/key-check.ts). The value reveals nothing of the key.
export const keyChecks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('key_checks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('check_value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute()
  },
}
