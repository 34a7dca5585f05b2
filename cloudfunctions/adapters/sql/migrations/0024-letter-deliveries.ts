import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 19 item 3 (docs/analysis-letters.md): how each 消费投诉分析建议书 reached its shop — who sent it,
// when, by which way (站内消息 / 打印面交 / 微信). No personal data, no figures (the letter is made again
// from the statistics whenever it is printed).
export const letterDeliveries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('letter_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('merchant_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('delivered_by', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('letter_deliveries_merchant').on('letter_deliveries').columns(['merchant_id', 'delivered_at']).execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('letter_deliveries').execute()
  },
}
