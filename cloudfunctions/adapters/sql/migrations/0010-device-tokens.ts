import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 12: browser identities the server issued itself. Until now the subject was the hash of
// whatever well-formed token a browser showed, so a token planted by someone else was adopted.
// Now each issued token's hash maps to its subject, and a token can be retired (rotated) without
// the subject changing. Existing devices keep working: their subject *is* their token's hash.
export const deviceTokens: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('device_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
      .addColumn('retired_at', 'timestamptz')
      // the digest of the one idempotency key a retired token may still replay (a lost receipt)
      .addColumn('retired_for', 'text')
      .execute()
    await sql`insert into device_tokens (token_hash, subject, issued_at) select subject, subject, first_seen_at from devices`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('device_tokens').execute()
  },
}
