import { ConsultationSchema, ConsultContactSchema, type Consultation } from '../../../src/domain/consult/consultation.schema'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { ConsultationStore } from '../../ports/consultation-store'
import type { Vault } from '../../ports/system'
import { COLLECTIONS } from './collection-names'
import { digestId, utc, utcOrNull } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { type Doc, parseDoc, readDoc, readPage } from './doc-reads'
import { transact } from './transact'

// Consultations on the document database, as the SQL store keeps them (sql-consultation-store.ts).
// Indexes (cloudbase-resources.ts): consultations: filedBy+createdAt (listConsultationsFiledBy),
// siteId+status+createdAt (listConsultationsForSite), consultNo, caseId. A repeated ask is decided by
// a guard document (consult_keys, _id = digest of filer and key) written in the same transaction.

export function cloudbaseConsultationStore(db: DocDb, vault: Vault): ConsultationStore {
  const docs = () => db.collection(COLLECTIONS.consultations)
  const toConsultation = (doc: Doc): Consultation => {
    const { contactSealed, queryCodeSealed, ...rest } = doc
    return parseDoc(ConsultationSchema, {
      ...rest,
      contact: typeof contactSealed === 'string' ? ConsultContactSchema.parse(JSON.parse(vault.open(contactSealed))) : null,
      queryCode: vault.open(String(queryCodeSealed)),
    })
  }
  const toDoc = (c: Consultation) => {
    const { id: _id, contact, queryCode, ...rest } = c
    return {
      ...rest,
      contactSealed: contact ? vault.seal(JSON.stringify(contact)) : null,
      queryCodeSealed: vault.seal(queryCode),
      createdAt: utc(c.createdAt),
      updatedAt: utc(c.updatedAt),
      closedAt: utcOrNull(c.closedAt),
    }
  }
  const first = async (where: Record<string, string>) => {
    const [doc] = await readPage(docs().where(where), 1)
    return doc ? toConsultation(doc) : null
  }

  return {
    async createConsultation(c) {
      return transact(db, async (tx) => {
        const guardId = digestId(c.filedBy, c.idempotencyKey)
        const used = await readDoc(tx.collection(COLLECTIONS.consultKeys).doc(guardId))
        if (used) {
          const earlier = await readDoc(tx.collection(COLLECTIONS.consultations).doc(String(used.consultationId)))
          if (!earlier) throw new Error(`consult_keys ${guardId} names a consultation that does not exist`)
          return { created: false, consultation: toConsultation(earlier) }
        }
        const doc = toDoc(c)
        ok(await tx.collection(COLLECTIONS.consultations).add({ _id: c.id, ...doc }))
        ok(await tx.collection(COLLECTIONS.consultKeys).add({ _id: guardId, consultationId: c.id }))
        return { created: true, consultation: toConsultation({ _id: c.id, ...doc }) }
      })
    },
    async getConsultation(id) {
      const doc = await readDoc(docs().doc(id))
      return doc ? toConsultation(doc) : null
    },
    findConsultationByNo: (consultNo) => first({ consultNo }),
    findConsultationOfCase: (caseId) => first({ caseId }),
    async listConsultationsFiledBy(subject, page) {
      const found = await readPage(
        docs().where({ filedBy: subject }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'),
        page.limit,
        page.offset,
      )
      return found.map(toConsultation)
    },
    async listConsultationsForSite(siteId, openOnly, page) {
      const where: Record<string, string> = {}
      if (siteId !== null) where.siteId = siteId
      if (openOnly) where.status = 'received'
      const found = await readPage(docs().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'asc'), page.limit, page.offset)
      return found.map(toConsultation)
    },
    async updateConsultation(next, expectedVersion) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.consultations).doc(next.id)
        const stored = await readDoc(ref)
        if (!stored || toConsultation(stored).version !== expectedVersion) throw new AppFailure(appError('CONCURRENT_UPDATE'))
        const doc = toDoc(next)
        ok(await ref.set(doc))
        return toConsultation({ _id: next.id, ...doc })
      })
    },
  }
}
