import { z } from 'zod'
import { OutboxMessageSchema } from '../../src/domain/case.schema'
import { InboxEntrySchema, type InboxEntry } from '../../src/domain/inbox.schema'
import type { PageRequest } from './store'

// What delivering the outbox needs from storage. Each method is one document-level operation a
// CloudBase collection can do too (conditional update, insert-if-absent); none spans collections
// except deliverToInbox, which an adapter makes atomic.
const Instant = z.iso.datetime({ offset: true })

export const OutboxItemSchema = OutboxMessageSchema.extend({
  status: z.enum(['pending', 'done', 'parked']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Instant,
  lastError: z.string().nullable(),
})
export type OutboxItem = z.infer<typeof OutboxItemSchema>

/** One message to one address on one channel: the unit that is never delivered twice. */
export interface DeliveryKey {
  eventId: string
  recipient: OutboxItem['recipient']
  channel: 'inbox' | 'wechat' | 'wecom' | 'sms' | 'log'
  /** openid, phone, robot — '' when the channel has one address per recipient */
  address: string
}

export interface DeliveryRecord {
  outboxId: string
  status: 'sent' | 'skipped' | 'failed'
  detail: string | null
  at: string
}

export interface NotificationStore {
  /**
   * Pending rows whose next attempt is due at `now` and that no live dispatcher holds, oldest first;
   * each comes back held until `leaseUntil` so a concurrent dispatcher skips it.
   */
  claimDueOutbox(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]>
  /**
   * Hold a claimed row longer, only if it is still held as `heldUntil` (the value this dispatcher
   * claimed or last renewed it with). False means another dispatcher took it after the lease ran out:
   * the caller must stop working on it, or both would send the rest of its messages.
   */
  renewOutboxLease(id: string, heldUntil: string, until: string): Promise<boolean>
  hasDelivery(key: DeliveryKey): Promise<boolean>
  /** Remember a delivery; false when it was already remembered (nothing changes then). */
  recordDelivery(key: DeliveryKey, record: DeliveryRecord): Promise<boolean>
  /** The inbox entry and its delivery record together; false (and no entry) when already delivered. */
  deliverToInbox(key: DeliveryKey, entry: InboxEntry, outboxId: string): Promise<boolean>
  finishOutbox(id: string, at: string): Promise<void>
  /** Another try later: attempts counted, the error kept, the hold released. */
  retryOutboxLater(id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void>
  /** Too many failures: out of the queue until someone requeues it; the station sees it. */
  parkOutbox(id: string, attempts: number, error: string): Promise<void>
  listParkedOutbox(limit: number): Promise<OutboxItem[]>
  /** A parked row back in the queue now (attempts reset); false when it was not parked. */
  requeueOutbox(id: string, now: string): Promise<boolean>
  /** Newest first. */
  listInbox(recipient: OutboxItem['recipient'], page: PageRequest): Promise<InboxEntry[]>
  countUnreadInbox(recipient: OutboxItem['recipient']): Promise<number>
  markInboxRead(recipient: OutboxItem['recipient'], ids: string[], at: string): Promise<number>
  /** The subjects of a shop's active clerks: who hears about the shop's cases on their phones. */
  listActiveMemberSubjects(merchantId: string): Promise<string[]>
  /** Each accepted subscribe-message slot allows one more send to this person. */
  addSubscriptionAccepts(subject: string, slots: string[]): Promise<void>
  remainingSubscriptionSends(subject: string, slot: string): Promise<number>
  /** Use up one allowed send; false when none was left. */
  useSubscriptionSend(subject: string, slot: string): Promise<boolean>
  /** WeChat said there is none left (43101): believe it over our count. */
  clearSubscriptionSends(subject: string, slot: string): Promise<void>
}

export { InboxEntrySchema }
