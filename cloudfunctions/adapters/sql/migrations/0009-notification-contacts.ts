import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 11: notification contacts as data. A site may belong to a regulator's area (null: none
// yet, so only site and deployment contacts apply to it). Contacts are looked up by scope; the
// target (robot key or phone) is sealed by the vault. Every save and delete is kept in a log.
export const notificationContacts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('sites').addColumn('area_id', 'text').execute()

    await db.schema
      .createTable('notification_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('roles', 'jsonb', (c) => c.notNull())
      .addColumn('events', 'jsonb', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('target_sealed', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('notification_contacts_scope').on('notification_contacts').columns(['scope_kind', 'scope_id']).execute()

    await db.schema
      .createTable('notification_contact_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('by_role', 'text', (c) => c.notNull())
      .addColumn('by_id', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('notification_contact_changes_contact')
      .on('notification_contact_changes')
      .columns(['contact_id', 'at'])
      .execute()
  },
}
