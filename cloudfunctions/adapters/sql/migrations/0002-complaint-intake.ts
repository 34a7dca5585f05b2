import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 3: the full complaint (Article-9 identity sealed at rest, classification, consent, query
// code) and evidence files. Existing rows get neutral defaults so the migration never fails on data.
export const complaintIntake: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('cases')
      .addColumn('complainant_sealed', 'text') // AES-GCM sealed JSON; null for an anonymous report
      .addColumn('purchase_time', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('amount_fen', 'bigint')
      .addColumn('product', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('problem_type', 'text', (c) => c.notNull().defaultTo('其他'))
      .addColumn('industry', 'text', (c) => c.notNull().defaultTo('一般消费纠纷'))
      .addColumn('demands', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('share_phone', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('consent', 'jsonb', (c) =>
        c.notNull().defaultTo(sql`'{"version":"none","at":"1970-01-01T00:00:00.000Z","mode":"self","attestedBy":null}'::jsonb`),
      )
      .addColumn('channel', 'text', (c) => c.notNull().defaultTo('qr'))
      .addColumn('request_digest', 'text', (c) => c.notNull().defaultTo('legacy'))
      .addColumn('query_code_sealed', 'text', (c) => c.notNull().defaultTo('')) // '' on rows filed before query codes existed
      .execute()

    await db.schema
      .createTable('evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('evidence_case').on('evidence').columns(['case_id', 'created_at']).execute()
    await db.schema.createIndex('evidence_uploader').on('evidence').column('uploaded_by').execute()
  },
}
