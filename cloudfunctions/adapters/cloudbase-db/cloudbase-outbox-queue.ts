import type { NotificationStore, OutboxItem } from '../../ports/notification-store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { readUpTo } from './doc-lists'
import { NOT_HELD, toOutboxItem } from './outbox-docs'

// The outbox as a queue on the document database (the SQL store: sql-notification-store.ts). No
// FOR UPDATE SKIP LOCKED here: a claim reads the due rows nobody holds, then takes each with a
// conditional update — where({ _id, status: 'pending', nextAttemptAt <= now, leaseUntil < now })
// .update({ leaseUntil, leases: _.inc(1) }) — and keeps only those whose update answered `updated: 1`.
// Two claimers that read the same row race on that one update; the database applies it once, so one
// of them gets the row and the other drops it. (`leases` makes every claim and renewal a change:
// `updated` counts changed documents only, see outbox-docs.ts.) A lease ends when it runs out (leaseUntil < now, as the SQL
// store's claimed_until < now) or when its holder finishes, retries or parks the row (NOT_HELD).
//
// Indexes (outbox), fields in query order:
//   status, nextAttemptAt, position, _id   claimDueOutbox (pending, due, earliest first)
//   status, position, _id                  listParkedOutbox (and the case store's listPendingOutbox)

type Queue = Pick<
  NotificationStore,
  'claimDueOutbox' | 'renewOutboxLease' | 'finishOutbox' | 'retryOutboxLater' | 'parkOutbox' | 'listParkedOutbox' | 'requeueOutbox'
>

export function cloudbaseOutboxQueue(db: DocDb): Queue {
  const _ = db.command
  const outbox = () => db.collection(COLLECTIONS.outbox)
  const inQueueOrder = (status: OutboxItem['status']) => outbox().where({ status }).orderBy('position', 'asc').orderBy('_id', 'asc')
  const release = { leaseUntil: NOT_HELD }
  /** A plain update of one row, whatever its state (the holder's own bookkeeping, as the SQL store's). */
  const updateRow = async (id: string, fields: Record<string, unknown>) => {
    ok(await outbox().doc(id).update(fields))
  }

  return {
    async claimDueOutbox(now, leaseUntil, limit) {
      const n = utc(now)
      const takeable = { status: 'pending', nextAttemptAt: _.lte(n), leaseUntil: _.lt(n) }
      const candidates = await readUpTo(
        outbox().where(takeable).orderBy('nextAttemptAt', 'asc').orderBy('position', 'asc').orderBy('_id', 'asc'),
        limit,
      )
      const held = utc(leaseUntil)
      const taken = await Promise.all(
        candidates.map(async (doc) => {
          const r = ok(
            await outbox()
              .where({ _id: doc._id, ...takeable })
              .update({ leaseUntil: held, leases: _.inc(1) }),
          )
          return r.updated === 1 ? toOutboxItem(doc) : null // 0: another claimer took it since the read
        }),
      )
      return taken.filter((item) => item !== null)
    },

    async renewOutboxLease(id, heldUntil, until) {
      const r = ok(
        await outbox()
          .where({ _id: id, status: 'pending', leaseUntil: utc(heldUntil) })
          .update({ leaseUntil: utc(until), leases: _.inc(1) }),
      )
      return r.updated === 1
    },

    finishOutbox: (id, at) => updateRow(id, { status: 'done', deliveredAt: utc(at), ...release }),

    retryOutboxLater: (id, attempts, nextAttemptAt, error) =>
      updateRow(id, { attempts, nextAttemptAt: utc(nextAttemptAt), lastError: error, ...release }),

    parkOutbox: (id, attempts, error) => updateRow(id, { status: 'parked', attempts, lastError: error, ...release }),

    async listParkedOutbox(limit) {
      return (await readUpTo(inQueueOrder('parked'), limit)).map(toOutboxItem)
    },

    async requeueOutbox(id, now) {
      const r = ok(
        await outbox()
          .where({ _id: id, status: 'parked' })
          .update({ status: 'pending', attempts: 0, nextAttemptAt: utc(now), ...release }),
      )
      return r.updated === 1
    },
  }
}
