import { BurstAlertSchema, type BurstAlert } from '../../../src/domain/similarity/burst-alert.schema'
import { BurstSettingsSchema } from '../../../src/domain/similarity/burst-settings'
import type { BurstStore } from '../../ports/burst-store'
import { z } from 'zod'
import { cloudbaseCaseScoring } from './cloudbase-case-scoring'
import { COLLECTIONS } from './collection-names'
import { digestId, utc, utcOrNull } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { parseDoc, readDoc, readPage, type Doc } from './doc-reads'
import { queueOutbox } from './outbox-docs'
import { transact } from './transact'

// 突发消费事件 alerts on the document database, as SQL migration 0023: burst_alerts/{id}, and a guard
// burst_alert_windows/{sha256(key, windowStart)} that makes (key, window start) unique. Each write
// that sends something queues its outbox documents in the same transaction.

const WATERMARK = 'watermark'
const toAlert = (doc: Doc): BurstAlert => parseDoc(BurstAlertSchema, doc)
// the document is written whole: update() would read a nested object as paths into the stored null
const withoutId = ({ _id, ...rest }: Doc) => rest
/** burst_settings/{siteId} (as SQL migration 0030): the domain's schema, the site as the document's id */
const BurstSettingsDocSchema = BurstSettingsSchema

export function cloudbaseBurstStore(db: DocDb): BurstStore {
  const col = (name: string) => db.collection(name)
  const watermark = () => col(COLLECTIONS.burstMeta).doc(WATERMARK)
  return {
    ...cloudbaseCaseScoring(db), // the cases the pass and 案例推荐 score, without personal data

    async burstWatermark() {
      const doc = await readDoc(watermark())
      return doc ? z.object({ at: z.string() }).parse(doc).at : null
    },

    async setBurstWatermark(at) {
      // never back: a slower pass finishing after a newer one leaves the newer mark
      await transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.burstMeta).doc(WATERMARK)
        const doc = await readDoc(ref)
        const held = doc ? z.object({ at: z.string() }).parse(doc).at : null
        if (held === null || held < utc(at)) ok(await ref.set({ at: utc(at) }))
      })
    },

    async createBurstAlert(a, outbox) {
      return transact(db, async (tx) => {
        const guard = tx.collection(COLLECTIONS.burstAlertWindows).doc(digestId(a.key, utc(a.windowStart)))
        if (await readDoc(guard)) return false // this window has its alert
        const { id, ...fields } = a
        ok(
          await tx.collection(COLLECTIONS.burstAlerts).add({
            _id: id,
            ...fields,
            windowStart: utc(a.windowStart),
            windowEnd: utc(a.windowEnd),
            raisedAt: utc(a.raisedAt),
          }),
        )
        ok(await guard.set({ alertId: id }))
        await queueOutbox(tx, outbox)
        return true
      })
    },

    async latestBurstAlert(key) {
      const docs = await readPage(col(COLLECTIONS.burstAlerts).where({ key }).orderBy('windowStart', 'desc').orderBy('_id', 'asc'), 1)
      return docs[0] ? toAlert(docs[0]) : null
    },

    async getBurstAlert(id) {
      const d = await readDoc(col(COLLECTIONS.burstAlerts).doc(id))
      return d ? toAlert(d) : null
    },

    async listBurstAlerts(siteId, limit) {
      const docs = await readPage(
        col(COLLECTIONS.burstAlerts).where({ siteId }).orderBy('windowStart', 'desc').orderBy('_id', 'asc'),
        limit,
      )
      return docs.map(toAlert)
    },

    async recordBurstMessage(id, action, outbox) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.burstAlerts).doc(id)
        const doc = await readDoc(ref)
        if (!doc || doc.messaged) return false // only the first click records (and queues) the message
        ok(await ref.set({ ...withoutId(doc), messaged: { at: utc(action.at), by: action.by } }))
        await queueOutbox(tx, outbox)
        return true
      })
    },

    async recordBurstMediation(id, action) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.burstAlerts).doc(id)
        const doc = await readDoc(ref)
        if (!doc || doc.mediated) return false
        ok(await ref.set({ ...withoutId(doc), mediated: { at: utc(action.at), by: action.by } }))
        return true
      })
    },

    async getBurstSettings(siteId) {
      const doc = await readDoc(col(COLLECTIONS.burstSettings).doc(siteId))
      return doc ? parseDoc(BurstSettingsDocSchema, doc, 'siteId') : null
    },

    async saveBurstSettings({ siteId, ...fields }) {
      ok(
        await col(COLLECTIONS.burstSettings)
          .doc(siteId)
          .set({ ...fields, updatedAt: utcOrNull(fields.updatedAt) }),
      )
    },
  }
}
