import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 15: staff identified by their WeChat OPENID. A staff account is bound to subjects (one active
// binding per subject, kept by a partial unique index), by a one-time code (only its hash kept) or by
// its password once; every bind and unbind is appended to staff_binding_log. Failed password binds
// are counted in login_failures, which every function container shares. An account can be disabled.
export const staffBindings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('staff').addColumn('disabled_at', 'timestamptz').execute()
    await db.schema
      .createTable('staff_bindings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .execute()
    await sql`create unique index staff_bindings_active_subject on staff_bindings (subject) where revoked_at is null`.execute(db)
    await db.schema.createIndex('staff_bindings_staff').on('staff_bindings').columns(['staff_id', 'created_at']).execute()
    await db.schema
      .createTable('staff_binding_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('issued_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('used_at', 'timestamptz')
      .addColumn('used_by', 'text')
      .execute()
    await db.schema
      .createTable('staff_binding_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('staff_binding_log_staff').on('staff_binding_log').columns(['staff_id', 'at']).execute()
    await db.schema
      .createTable('login_failures')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
      .addColumn('locked_until', 'timestamptz')
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('login_failures').execute()
    await db.schema.dropTable('staff_binding_log').execute()
    await db.schema.dropTable('staff_binding_codes').execute()
    await db.schema.dropTable('staff_bindings').execute()
    await db.schema.alterTable('staff').dropColumn('disabled_at').execute()
  },
}
