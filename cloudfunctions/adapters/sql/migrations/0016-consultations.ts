import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 17: consultations (咨询), in their own table beside the cases, so that no complaint count,
// board or shop record can include one (docs/domain.md "Consultations"). The contact (optional) and
// the query code are sealed by the vault; a repeated ask with the same key files nothing new.
export const consultations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consult_no', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('merchant_id', 'text')
      .addColumn('merchant_name', 'text')
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('contact_sealed', 'text')
      .addColumn('evidence_ids', 'jsonb', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('query_code_sealed', 'text', (c) => c.notNull())
      .addColumn('reply', 'jsonb')
      .addColumn('closed_at', 'timestamptz')
      .addColumn('case_id', 'text')
      .addColumn('case_no', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('consultations_filer_key', ['filed_by', 'idempotency_key'])
      .execute()
    await db.schema.createIndex('consultations_filed_by').on('consultations').columns(['filed_by', 'created_at']).execute()
    await db.schema.createIndex('consultations_site').on('consultations').columns(['site_id', 'status', 'created_at']).execute()
    await db.schema.createIndex('consultations_case').on('consultations').column('case_id').execute()
  },
}
