import { sql, type Kysely, type Selectable } from 'kysely'
import { InboxEntrySchema } from '../../../src/domain/inbox.schema'
import { OutboxItemSchema, type DeliveryKey, type NotificationStore } from '../../ports/notification-store'
import type { Database, InboxTable, OutboxTable } from './database'
import { toOutbox } from './row-mappers'

const iso = (value: Date | string): string => new Date(value).toISOString()

const toItem = (r: Selectable<OutboxTable>) =>
  OutboxItemSchema.parse({
    ...toOutbox(r),
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at ?? r.created_at),
    lastError: r.last_error,
  })

const toEntry = (r: Selectable<InboxTable>) =>
  InboxEntrySchema.parse({
    id: r.id,
    recipient: { role: r.recipient_role, id: r.recipient_id },
    caseId: r.case_id,
    template: r.template,
    title: r.title,
    body: r.body,
    createdAt: iso(r.created_at),
    readAt: r.read_at ? iso(r.read_at) : null,
  })

const keyColumns = (k: DeliveryKey) => ({
  event_id: k.eventId,
  recipient_role: k.recipient.role,
  recipient_id: k.recipient.id,
  channel: k.channel,
  address: k.address,
})

export function sqlNotificationStore(db: Kysely<Database>): NotificationStore {
  const insertDelivery = (trx: Kysely<Database>, key: DeliveryKey, outboxId: string, status: string, detail: string | null, at: string) =>
    trx
      .insertInto('deliveries')
      .values({ ...keyColumns(key), outbox_id: outboxId, status, detail, at })
      .onConflict((oc) => oc.columns(['event_id', 'recipient_role', 'recipient_id', 'channel', 'address']).doNothing())
      .executeTakeFirst()
      .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0) === 1)

  return {
    async claimDueOutbox(now, leaseUntil, limit) {
      // one statement: pick due rows nobody holds (SKIP LOCKED lets a second dispatcher take others)
      const rows = await db
        .updateTable('outbox')
        .set({ claimed_until: leaseUntil })
        .where('id', 'in', (qb) =>
          qb
            .selectFrom('outbox')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', new Date(now))
            .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', new Date(now))]))
            .orderBy('next_attempt_at')
            .orderBy('position')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute()
      return rows.map(toItem).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
    },

    async renewOutboxLease(id, heldUntil, until) {
      const renewed = await db
        .updateTable('outbox')
        .set({ claimed_until: until })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('claimed_until', '=', new Date(heldUntil))
        .executeTakeFirst()
      return Number(renewed.numUpdatedRows) === 1
    },

    async hasDelivery(key) {
      const row = await db
        .selectFrom('deliveries')
        .select('status')
        .where((eb) => eb.and(keyColumns(key)))
        .executeTakeFirst()
      return !!row
    },

    recordDelivery: (key, r) => insertDelivery(db, key, r.outboxId, r.status, r.detail, r.at),

    async deliverToInbox(key, entry, outboxId) {
      return db.transaction().execute(async (trx) => {
        if (!(await insertDelivery(trx, key, outboxId, 'sent', null, entry.createdAt))) return false
        await trx
          .insertInto('inbox')
          .values({
            id: entry.id,
            recipient_role: entry.recipient.role,
            recipient_id: entry.recipient.id,
            case_id: entry.caseId,
            template: entry.template,
            title: entry.title,
            body: entry.body,
            created_at: entry.createdAt,
            read_at: entry.readAt,
          })
          .execute()
        return true
      })
    },

    async finishOutbox(id, at) {
      await db.updateTable('outbox').set({ status: 'done', delivered_at: at, claimed_until: null }).where('id', '=', id).execute()
    },

    async retryOutboxLater(id, attempts, nextAttemptAt, error) {
      await db
        .updateTable('outbox')
        .set({ attempts, next_attempt_at: nextAttemptAt, last_error: error, claimed_until: null })
        .where('id', '=', id)
        .execute()
    },

    async parkOutbox(id, attempts, error) {
      await db
        .updateTable('outbox')
        .set({ status: 'parked', attempts, last_error: error, claimed_until: null })
        .where('id', '=', id)
        .execute()
    },

    async listParkedOutbox(limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', '=', 'parked').orderBy('position').limit(limit).execute()
      return rows.map(toItem)
    },

    async requeueOutbox(id, now) {
      const r = await db
        .updateTable('outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null })
        .where('id', '=', id)
        .where('status', '=', 'parked')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async listInbox(recipient, page) {
      const rows = await db
        .selectFrom('inbox')
        .selectAll()
        .where('recipient_role', '=', recipient.role)
        .where('recipient_id', '=', recipient.id)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute()
      return rows.map(toEntry)
    },

    async countUnreadInbox(recipient) {
      const row = await db
        .selectFrom('inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('recipient_role', '=', recipient.role)
        .where('recipient_id', '=', recipient.id)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.n) // pg answers count() as a string
    },

    async markInboxRead(recipient, ids, at) {
      if (ids.length === 0) return 0
      const r = await db
        .updateTable('inbox')
        .set({ read_at: at })
        .where('recipient_role', '=', recipient.role)
        .where('recipient_id', '=', recipient.id)
        .where('id', 'in', ids)
        .where('read_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },

    async listActiveMemberSubjects(merchantId) {
      const rows = await db
        .selectFrom('merchant_members')
        .select('subject')
        .where('merchant_id', '=', merchantId)
        .where('status', '=', 'active')
        .orderBy('subject')
        .execute()
      return rows.map((r) => r.subject)
    },

    async addSubscriptionAccepts(subject, slots) {
      for (const slot of slots) {
        await db
          .insertInto('subscription_tally')
          .values({ subject, slot, remaining: 1 })
          .onConflict((oc) => oc.columns(['subject', 'slot']).doUpdateSet({ remaining: sql`subscription_tally.remaining + 1` }))
          .execute()
      }
    },

    async remainingSubscriptionSends(subject, slot) {
      const row = await db
        .selectFrom('subscription_tally')
        .select('remaining')
        .where('subject', '=', subject)
        .where('slot', '=', slot)
        .executeTakeFirst()
      return row ? Number(row.remaining) : 0
    },

    async useSubscriptionSend(subject, slot) {
      const r = await db
        .updateTable('subscription_tally')
        .set({ remaining: sql`remaining - 1` })
        .where('subject', '=', subject)
        .where('slot', '=', slot)
        .where('remaining', '>', 0)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async clearSubscriptionSends(subject, slot) {
      await db.updateTable('subscription_tally').set({ remaining: 0 }).where('subject', '=', subject).where('slot', '=', slot).execute()
    },
  }
}
