import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 5: the merchant registry (USCC, double commitment, contact), staff invites and binding.
// Defaults keep every existing shop valid: no credit code yet (''), not signed, the national 45 / 90
// minutes (written as numbers: a released migration must not move when the domain's defaults do).
export const merchantRegistry: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('merchants')
      .addColumn('uscc', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('double_commitment_signed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('response_minutes', 'integer', (c) => c.notNull().defaultTo(45))
      .addColumn('on_site_minutes', 'integer', (c) => c.notNull().defaultTo(90))
      // the contact person's name and phone, sealed together by the vault (personal data at rest)
      .addColumn('contact_sealed', 'text')
      .execute()
    // a credit code names one shop within a site (the CSV import upserts by it); '' = not yet known
    await sql`create unique index merchants_site_uscc on merchants (site_id, uscc) where uscc <> ''`.execute(db)

    await db.schema
      .createTable('merchant_invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('merchant_id', 'text', (c) => c.notNull().references('merchants.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('withdrawn_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('merchant_invites_merchant').on('merchant_invites').columns(['merchant_id', 'created_at desc']).execute()
    // a shop's member list is served by merchant_members' unique (merchant_id, subject) index
  },
}
