import { InboxEntrySchema, type InboxEntry } from '../../../src/domain/inbox.schema'
import type { DeliveryKey, DeliveryRecord, NotificationStore } from '../../ports/notification-store'
import { COLLECTIONS } from './collection-names'
import { digestId, utc, utcOrNull } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { chunksOf, readUpTo } from './doc-lists'
import { parseDoc, readDoc } from './doc-reads'
import { transact } from './transact'

// What was delivered, and the in-app inbox, on the document database (the SQL store:
// sql-notification-store.ts). A delivery is never recorded twice because its document's _id is the
// digest of its key (event, recipient, channel, address): the database refuses a second insert of
// that _id, as the SQL store's unique key does. An inbox entry lands with its delivery record in one
// transaction that first reads the record: a concurrent second delivery conflicts, runs again, finds
// the record and adds nothing.
//
// Indexes, fields in query order:
//   deliveries: none (read by _id only)
//   inbox: recipient.role, recipient.id, createdAt desc, _id   listInbox (newest first), countUnreadInbox
//          (with readAt: null), markInboxRead (_id in […] of the recipient's own)

type InboxPart = Pick<
  NotificationStore,
  'hasDelivery' | 'recordDelivery' | 'deliverToInbox' | 'listInbox' | 'countUnreadInbox' | 'markInboxRead'
>

/** Entry ids per markInboxRead update (a reader marks a page or two at a time). */
const IDS_PER_UPDATE = 100

/** The delivery's _id: one document per key, whatever characters the key's parts hold. */
export const deliveryId = (k: DeliveryKey) => digestId(k.eventId, k.recipient.role, k.recipient.id, k.channel, k.address)

const deliveryDoc = (k: DeliveryKey, r: DeliveryRecord) => ({
  _id: deliveryId(k),
  eventId: k.eventId,
  recipient: { role: k.recipient.role, id: k.recipient.id },
  channel: k.channel,
  address: k.address,
  outboxId: r.outboxId,
  status: r.status,
  detail: r.detail,
  at: utc(r.at),
})

const inboxDoc = (e: InboxEntry) => ({
  _id: e.id,
  recipient: { role: e.recipient.role, id: e.recipient.id },
  caseId: e.caseId,
  template: e.template,
  title: e.title,
  body: e.body,
  createdAt: utc(e.createdAt),
  readAt: utcOrNull(e.readAt),
})

/** The same message delivered twice at once: the loser's insert of the same _id is refused. */
const falseIfDuplicate = (err: unknown) => {
  if (isDuplicate(err)) return false
  throw err
}

export function cloudbaseInboxStore(db: DocDb): InboxPart {
  const _ = db.command
  const deliveries = () => db.collection(COLLECTIONS.deliveries)
  const ownedBy = (r: InboxEntry['recipient']) => ({ 'recipient.role': r.role, 'recipient.id': r.id })

  return {
    async hasDelivery(key) {
      return (await readDoc(deliveries().doc(deliveryId(key)))) !== null
    },

    async recordDelivery(key, record) {
      return deliveries()
        .add(deliveryDoc(key, record))
        .then((r) => (ok(r), true), falseIfDuplicate)
    },

    async deliverToInbox(key, entry, outboxId) {
      return transact(db, async (tx) => {
        const record = deliveryDoc(key, { outboxId, status: 'sent', detail: null, at: entry.createdAt })
        if ((await readDoc(tx.collection(COLLECTIONS.deliveries).doc(record._id))) !== null) return false
        ok(await tx.collection(COLLECTIONS.deliveries).add(record))
        ok(await tx.collection(COLLECTIONS.inbox).add(inboxDoc(entry)))
        return true
      }).catch(falseIfDuplicate)
    },

    async listInbox(recipient, page) {
      const query = db.collection(COLLECTIONS.inbox).where(ownedBy(recipient)).orderBy('createdAt', 'desc').orderBy('_id', 'asc')
      return (await readUpTo(query, page.limit, page.offset)).map((doc) => parseDoc(InboxEntrySchema, doc))
    },

    async countUnreadInbox(recipient) {
      const r = ok(
        await db
          .collection(COLLECTIONS.inbox)
          .where({ ...ownedBy(recipient), readAt: null })
          .count(),
      )
      return Number(r.total)
    },

    async markInboxRead(recipient, ids, at) {
      let changed = 0
      for (const run of chunksOf([...new Set(ids)], IDS_PER_UPDATE)) {
        // only the recipient's own, only unread: an entry's first reading stays
        const r = ok(
          await db
            .collection(COLLECTIONS.inbox)
            .where({ _id: _.in(run), ...ownedBy(recipient), readAt: null })
            .update({ readAt: utc(at) }),
        )
        changed += Number(r.updated)
      }
      return changed
    },
  }
}
