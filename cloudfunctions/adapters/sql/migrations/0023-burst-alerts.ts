import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 19 item 5 (docs/bursts-and-similar-cases.md): 突发消费事件 alerts. (key, window_start) is the
// primary key, so two filings checking at once raise one alert per window. case_ids is JSON text;
// the group actions (message, mediation) are recorded once each. No personal data.
export const burstAlerts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('burst_alerts')
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('window_start', 'timestamptz', (c) => c.notNull())
      .addColumn('window_end', 'timestamptz', (c) => c.notNull())
      .addColumn('case_ids', 'text', (c) => c.notNull())
      .addColumn('trigger_case_id', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
      .addColumn('messaged_at', 'timestamptz')
      .addColumn('messaged_by', 'text')
      .addColumn('mediated_at', 'timestamptz')
      .addColumn('mediated_by', 'text')
      .addPrimaryKeyConstraint('burst_alerts_pk', ['key', 'window_start'])
      .execute()
    await db.schema.createIndex('burst_alerts_site').on('burst_alerts').columns(['site_id', 'window_start']).execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('burst_alerts').execute()
  },
}
