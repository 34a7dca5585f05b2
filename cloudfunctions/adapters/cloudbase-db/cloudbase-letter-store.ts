import { LetterDeliverySchema } from '../../../src/domain/letters/letter-delivery.schema'
import { PendingLetterSchema, type PendingLetter } from '../../../src/domain/letters/pending-letter.schema'
import type { LetterStore } from '../../ports/letter-store'
import { COLLECTIONS } from './collection-names'
import { compoundId, utc } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { parseDoc, readAll, readDoc, type Doc } from './doc-reads'
import { transact } from './transact'

// Deliveries of 消费投诉分析建议书 on the document database, as SQL migration 0024: letter_deliveries/{id}.
// 待送达建议书, as SQL migration 0029: pending_letters/{siteId:quarter:merchantId} — the _id is the unique key,
// so a second tick's insert is a duplicate and the entry is written once. `owed` (true until a delivery of
// that quarter clears it) is what the station's list filters on: an equality on a boolean, not on null.
const pendingId = (siteId: string, quarter: string, merchantId: string) => compoundId(siteId, quarter, merchantId)

const toPending = (d: Doc): PendingLetter => {
  const { _id, owed, ...fields } = d
  void _id
  void owed
  return PendingLetterSchema.parse(fields)
}

export function cloudbaseLetterStore(db: DocDb): LetterStore {
  const col = db.collection(COLLECTIONS.letterDeliveries)
  const pending = () => db.collection(COLLECTIONS.pendingLetters)
  return {
    async recordLetterDelivery(d) {
      const { id, ...fields } = d
      // the delivery and the entry it clears in one transaction: never a delivery with its entry still owed
      await transact(db, async (tx) => {
        ok(await tx.collection(COLLECTIONS.letterDeliveries).add({ _id: id, ...fields, deliveredAt: utc(d.deliveredAt) }))
        const ref = tx.collection(COLLECTIONS.pendingLetters).doc(pendingId(d.siteId, d.quarter, d.merchantId))
        const entry = await readDoc(ref)
        if (entry && entry.owed === true) ok(await ref.update({ owed: false, deliveryId: id }))
      })
    },
    async listLetterDeliveries(merchantId) {
      const docs = await readAll(col.where({ merchantId }).orderBy('deliveredAt', 'desc').orderBy('_id', 'desc'))
      return docs.map((doc) => parseDoc(LetterDeliverySchema, doc))
    },
    async addPendingLetters(entries) {
      let added = 0
      for (const e of entries) {
        // a letter of that quarter delivered before the run (the station handed it over early) is not owed again
        if ((await readAll(col.where({ merchantId: e.merchantId, quarter: e.quarter }))).length) continue
        try {
          ok(
            await pending().add({
              _id: pendingId(e.siteId, e.quarter, e.merchantId),
              ...e,
              preparedAt: utc(e.preparedAt),
              owed: e.deliveryId === null,
            }),
          )
          added++
        } catch (err) {
          if (!isDuplicate(err)) throw err // there already (a second tick or host): it stands as it is
        }
      }
      return added
    },
    async listPendingLetters(siteId) {
      const docs = await readAll(
        pending().where({ siteId, owed: true }).orderBy('quarter', 'asc').orderBy('merchantName', 'asc').orderBy('_id', 'asc'),
      )
      return docs.map(toPending)
    },
  }
}
