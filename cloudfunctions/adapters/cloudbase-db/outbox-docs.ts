import type { OutboxMessage } from '../../../src/domain/case.schema'
import { OutboxItemSchema, type OutboxItem } from '../../ports/notification-store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocTransaction } from './doc-db'
import { parseDoc } from './doc-reads'

// A queued notification as a document in COLLECTIONS.outbox: the domain OutboxMessage's own fields,
// _id = its id, plus the queue's state. Written by the case store inside createCase / applyChange and
// by the tick with its alerts (queueOutbox below: one request for a whole step's or batch's rows);
// the notification store claims, retries, parks and finishes it.
//
// The fields the queries use, and their meaning:
//   status         'pending' | 'done' | 'parked'
//   nextAttemptAt  when it may be tried (next), fixed-width UTC; the claim is `nextAttemptAt <= now`
//   leaseUntil     until when a dispatcher holds it, fixed-width UTC; NOT_HELD (the epoch) when nobody
//                  does. Never null, so "lease expired" is one range condition (`leaseUntil < now`) that
//                  a conditional update can carry: where({ _id, status: 'pending', leaseUntil: _.lt(now) })
//   leases         how often the row was claimed or its lease renewed. Each claim and renewal adds 1,
//                  so the update always changes the document: the database's `updated` counts only
//                  documents an update changed, and a renewal to the instant already held (the
//                  dispatcher renews to max(held, now + lease)) would otherwise answer 0, "lost"
//   position       the order rows were queued in (SQL's serial `position`): the queuing instant in
//                  UTC, then the row's place among the messages queued with it; ties between separate
//                  writes at one instant fall to _id. Claims sort on (nextAttemptAt, position, _id), the
//                  station's parked list and the pending list on (position, _id)

/** The lease of a row nobody holds: earlier than any instant a claim compares it with. */
export const NOT_HELD = '1970-01-01T00:00:00.000Z'

export interface OutboxDoc {
  _id: string
  caseId: string
  eventId: string
  recipient: OutboxMessage['recipient']
  template: string
  createdAt: string
  status: OutboxItem['status']
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  leaseUntil: string
  leases: number
  deliveredAt: string | null
  position: string
}

/**
 * The document of a newly queued message: pending, never tried, due when it was created, held by
 * nobody. `index` is its place among the messages one write queues (`messages.map(newOutboxDoc)`).
 */
export function newOutboxDoc(m: OutboxMessage, index = 0): OutboxDoc {
  const createdAt = utc(m.createdAt)
  return {
    _id: m.id,
    caseId: m.caseId,
    eventId: m.eventId,
    recipient: { role: m.recipient.role, id: m.recipient.id },
    template: m.template,
    createdAt,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: createdAt,
    lastError: null,
    leaseUntil: NOT_HELD,
    leases: 0,
    deliveredAt: null,
    position: `${createdAt}#${String(index).padStart(5, '0')}`,
  }
}

/** A document read back, validated as the queue's OutboxItem (the lease and delivery time stay inside). */
export function toOutboxItem(doc: Record<string, unknown> & { _id: string }): OutboxItem {
  return parseDoc(OutboxItemSchema, doc)
}

/**
 * Queue messages inside a transaction with ONE request: add() takes an array (one insertDocument
 * carrying every document). Their positions follow the order given, so the queue keeps it.
 */
export async function queueOutbox(tx: DocTransaction, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return
  ok(await tx.collection(COLLECTIONS.outbox).add(messages.map((m, i) => newOutboxDoc(m, i))))
}
