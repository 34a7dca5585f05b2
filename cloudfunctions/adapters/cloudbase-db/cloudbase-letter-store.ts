import { LetterDeliverySchema } from '../../../src/domain/letters/letter-delivery.schema'
import type { LetterStore } from '../../ports/letter-store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { parseDoc, readAll } from './doc-reads'

// Deliveries of 消费投诉分析建议书 on the document database, as SQL migration 0024: letter_deliveries/{id}.
export function cloudbaseLetterStore(db: DocDb): LetterStore {
  const col = db.collection(COLLECTIONS.letterDeliveries)
  return {
    async recordLetterDelivery(d) {
      const { id, ...fields } = d
      ok(await col.add({ _id: id, ...fields, deliveredAt: utc(d.deliveredAt) }))
    },
    async listLetterDeliveries(merchantId) {
      const docs = await readAll(col.where({ merchantId }).orderBy('deliveredAt', 'desc').orderBy('_id', 'desc'))
      return docs.map((doc) => parseDoc(LetterDeliverySchema, doc))
    },
  }
}
