import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 6: delivering the outbox. Each row is retried with backoff and parked after too many
// failures; `deliveries` remembers every (event, recipient, channel, address) already sent, which
// is what makes a restarted dispatcher skip what its predecessor finished; `inbox` is the in-app
// channel everyone has; `subscription_tally` counts the WeChat subscribe-message sends a person
// allowed (each "accept" allows exactly one).
export const notifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('outbox')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz')
      .addColumn('claimed_until', 'timestamptz')
      .addColumn('last_error', 'text')
      .execute()
    await sql`update outbox set status = 'done' where delivered_at is not null`.execute(db)
    await sql`update outbox set next_attempt_at = created_at`.execute(db)
    await sql`create index outbox_due on outbox (next_attempt_at) where status = 'pending'`.execute(db)
    await db.schema
      .createTable('deliveries')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('recipient_role', 'text', (c) => c.notNull())
      .addColumn('recipient_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('outbox_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('deliveries_pk', ['event_id', 'recipient_role', 'recipient_id', 'channel', 'address'])
      .execute()
    await db.schema
      .createTable('inbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recipient_role', 'text', (c) => c.notNull())
      .addColumn('recipient_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('read_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('inbox_recipient').on('inbox').columns(['recipient_role', 'recipient_id', 'created_at']).execute()
    await db.schema
      .createTable('subscription_tally')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('remaining', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('subscription_tally_pk', ['subject', 'slot'])
      .execute()
  },
}
