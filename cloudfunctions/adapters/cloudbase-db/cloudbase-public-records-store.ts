import { ObjectionSchema, type Objection } from '../../../src/domain/public-records/objection'
import { figuresDelta, isZeroFigures, markOf, type CounterMark } from '../../../src/domain/public-records/public-figures'
import type { PublicRecordsStore } from '../../ports/public-records-store'
import { COLLECTIONS } from './collection-names'
import { compoundId, utc, utcOrNull } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { parseDoc, readAll, readDoc, readPage, type Doc } from './doc-reads'
import { transact } from './transact'

// 投诉信息公示 on the document database, as SQL migration 0022: public_settings/{siteId},
// public_marks/{merchantId}, public_figures/{siteId:month:merchantId}, public_objections/{id}, and a
// guard public_objection_pending/{merchantId} (one objection waiting per shop). A roll and a decision
// are transactions, so two passes never add a difference twice and two staff never both decide.

const n = (v: unknown) => Number(v ?? 0)
const toObjection = (doc: Doc): Objection => parseDoc(ObjectionSchema, doc)

export function cloudbasePublicRecordsStore(db: DocDb): PublicRecordsStore {
  const col = (name: string) => db.collection(name)
  return {
    async getPublicSettings(siteId) {
      const d = await readDoc(col(COLLECTIONS.publicSettings).doc(siteId))
      return d
        ? {
            siteId,
            threshold: n(d.threshold),
            updatedBy: (d.updatedBy as string | null) ?? null,
            updatedAt: (d.updatedAt as string | null) ?? null,
          }
        : null
    },

    async savePublicSettings(s) {
      ok(
        await col(COLLECTIONS.publicSettings)
          .doc(s.siteId)
          .set({ threshold: s.threshold, updatedBy: s.updatedBy, updatedAt: utcOrNull(s.updatedAt) }),
      )
    },

    async listPublicFigures(siteId, from, through) {
      const _ = db.command
      const docs = await readAll(
        col(COLLECTIONS.publicFigures)
          .where({ siteId, month: _.gte(from).and(_.lte(through)) })
          .orderBy('month', 'asc')
          .orderBy('_id', 'asc'),
      )
      return docs.map((d) => ({
        merchantId: String(d.merchantId),
        month: String(d.month),
        complaints: n(d.complaints),
        closed: n(d.closed),
        settled: n(d.settled),
        responseOnTime: n(d.responseOnTime),
        responseLate: n(d.responseLate),
      }))
    },

    async rollPublicFigures({ siteId, merchantId, month, counts, at }) {
      return transact(db, async (tx) => {
        const markDoc = await readDoc(tx.collection(COLLECTIONS.publicMarks).doc(merchantId))
        const mark: CounterMark | null = markDoc
          ? {
              total: n(markDoc.total),
              closed: n(markDoc.closed),
              settled: n(markDoc.settled),
              responseOnTime: n(markDoc.responseOnTime),
              responseLate: n(markDoc.responseLate),
            }
          : null
        const d = figuresDelta(mark, counts)
        if (mark && isZeroFigures(d)) return false
        if (!isZeroFigures(d)) {
          const ref = tx.collection(COLLECTIONS.publicFigures).doc(compoundId(siteId, month, merchantId))
          const was = await readDoc(ref)
          ok(
            await ref.set({
              siteId,
              merchantId,
              month,
              complaints: n(was?.complaints) + d.complaints,
              closed: n(was?.closed) + d.closed,
              settled: n(was?.settled) + d.settled,
              responseOnTime: n(was?.responseOnTime) + d.responseOnTime,
              responseLate: n(was?.responseLate) + d.responseLate,
            }),
          )
        }
        ok(
          await tx
            .collection(COLLECTIONS.publicMarks)
            .doc(merchantId)
            .set({ ...markOf(counts), markedAt: utc(at) }),
        )
        return !isZeroFigures(d)
      })
    },

    async createObjection(o) {
      return transact(db, async (tx) => {
        const guard = tx.collection(COLLECTIONS.publicObjectionPending).doc(o.merchantId)
        if (await readDoc(guard)) return false // the shop has one waiting already
        const { id, ...fields } = o
        ok(
          await tx
            .collection(COLLECTIONS.publicObjections)
            .add({ _id: id, ...fields, filedAt: utc(o.filedAt), decidedAt: utcOrNull(o.decidedAt) }),
        )
        ok(await guard.set({ objectionId: id }))
        return true
      })
    },

    async getObjection(id) {
      const d = await readDoc(col(COLLECTIONS.publicObjections).doc(id))
      return d ? toObjection(d) : null
    },

    async listObjectionsOfSite(siteId) {
      const docs = await readPage(col(COLLECTIONS.publicObjections).where({ siteId }).orderBy('filedAt', 'desc').orderBy('_id', 'asc'), 500)
      return docs.map(toObjection)
    },

    async listObjectionsOfMerchant(merchantId) {
      const docs = await readPage(
        col(COLLECTIONS.publicObjections).where({ merchantId }).orderBy('filedAt', 'desc').orderBy('_id', 'asc'),
        100,
      )
      return docs.map(toObjection)
    },

    async decideObjection(id, d) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.publicObjections).doc(id)
        const doc = await readDoc(ref)
        if (!doc || doc.status !== 'pending') return null
        const fields = {
          status: d.status,
          decidedBy: d.decidedBy,
          decidedAt: utc(d.decidedAt),
          decisionReason: d.decisionReason,
          withdrawnThrough: d.withdrawnThrough,
        }
        ok(await ref.update(fields))
        ok(await tx.collection(COLLECTIONS.publicObjectionPending).doc(String(doc.merchantId)).remove())
        return toObjection({ ...doc, ...fields })
      })
    },
  }
}
