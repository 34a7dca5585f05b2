import type { OutboxMessage } from '../../../src/domain/case.schema'
import { OutboxItemSchema, type OutboxItem } from '../../ports/notification-store'
import { utc } from './doc-codec'
import { parseDoc } from './doc-reads'

// A queued notification as a document in COLLECTIONS.outbox: the domain OutboxMessage's own fields,
// _id = its id, plus the queue's state. Written by the case store inside createCase / applyChange and
// by the tick with its alerts (insert it with tx.collection(COLLECTIONS.outbox).add(newOutboxDoc(m)));
// the notification store claims, retries, parks and finishes it.
//
// The fields the queries use, and their meaning:
//   status         'pending' | 'done' | 'parked'
//   nextAttemptAt  when it may be tried (next), fixed-width UTC; the claim is `nextAttemptAt <= now`
//   leaseUntil     until when a dispatcher holds it, fixed-width UTC; NOT_HELD (the epoch) when nobody
//                  does. Never null, so "lease expired" is one range condition (`leaseUntil < now`) that
//                  a conditional update can carry: where({ _id, status: 'pending', leaseUntil: _.lt(now) })
//   createdAt      fixed-width UTC: the station's list of parked rows, oldest first

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
  deliveredAt: string | null
}

/** The document of a newly queued message: pending, never tried, due when it was created, held by nobody. */
export function newOutboxDoc(m: OutboxMessage): OutboxDoc {
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
    deliveredAt: null,
  }
}

/** A document read back, validated as the queue's OutboxItem (the lease and delivery time stay inside). */
export function toOutboxItem(doc: Record<string, unknown> & { _id: string }): OutboxItem {
  return parseDoc(OutboxItemSchema, doc)
}
