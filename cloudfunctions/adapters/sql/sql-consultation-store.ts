import type { Kysely, Selectable } from 'kysely'
import { ConsultationSchema, ConsultContactSchema, type Consultation } from '../../../src/domain/consult/consultation.schema'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { ConsultationStore } from '../../ports/consultation-store'
import type { Vault } from '../../ports/system'
import type { ConsultationsTable } from './consultations-table'
import type { Database } from './database'

const iso = (value: Date | string): string => new Date(value).toISOString()
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

/** Consultations (ports/consultation-store.ts): the contact and the query code sealed by the vault. */
export function sqlConsultationStore(db: Kysely<Database>, vault: Vault): ConsultationStore {
  const toConsultation = (r: Selectable<ConsultationsTable>): Consultation =>
    ConsultationSchema.parse({
      id: r.id,
      consultNo: r.consult_no,
      status: r.status,
      siteId: r.site_id,
      merchantId: r.merchant_id,
      merchantName: r.merchant_name,
      question: r.question,
      contact: r.contact_sealed ? ConsultContactSchema.parse(JSON.parse(vault.open(r.contact_sealed))) : null,
      evidenceIds: json(r.evidence_ids),
      filedBy: r.filed_by,
      idempotencyKey: r.idempotency_key,
      queryCode: vault.open(r.query_code_sealed),
      reply: r.reply === null ? null : json(r.reply),
      closedAt: r.closed_at === null ? null : iso(r.closed_at),
      caseId: r.case_id,
      caseNo: r.case_no,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      version: Number(r.version),
    })
  const toRow = (c: Consultation) => ({
    id: c.id,
    consult_no: c.consultNo,
    status: c.status,
    site_id: c.siteId,
    merchant_id: c.merchantId,
    merchant_name: c.merchantName,
    question: c.question,
    contact_sealed: c.contact ? vault.seal(JSON.stringify(c.contact)) : null,
    evidence_ids: JSON.stringify(c.evidenceIds),
    filed_by: c.filedBy,
    idempotency_key: c.idempotencyKey,
    query_code_sealed: vault.seal(c.queryCode),
    reply: c.reply ? JSON.stringify(c.reply) : null,
    closed_at: c.closedAt,
    case_id: c.caseId,
    case_no: c.caseNo,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    version: c.version,
  })
  const byKey = (filedBy: string, key: string) =>
    db.selectFrom('consultations').selectAll().where('filed_by', '=', filedBy).where('idempotency_key', '=', key).executeTakeFirst()
  const one = async (column: 'id' | 'consult_no' | 'case_id', value: string) => {
    const row = await db.selectFrom('consultations').selectAll().where(column, '=', value).executeTakeFirst()
    return row ? toConsultation(row) : null
  }

  return {
    async createConsultation(c) {
      // the (filer, key) constraint decides a repeated ask: nothing is written, the first one comes back
      const inserted = await db
        .insertInto('consultations')
        .values(toRow(c))
        .onConflict((oc) => oc.columns(['filed_by', 'idempotency_key']).doNothing())
        .returningAll()
        .executeTakeFirst()
      if (inserted) return { created: true, consultation: toConsultation(inserted) }
      const earlier = await byKey(c.filedBy, c.idempotencyKey)
      if (!earlier) throw new Error('consultation neither inserted nor found')
      return { created: false, consultation: toConsultation(earlier) }
    },
    getConsultation: (id) => one('id', id),
    findConsultationByNo: (no) => one('consult_no', no),
    findConsultationOfCase: (caseId) => one('case_id', caseId),
    async listConsultationsFiledBy(subject, page) {
      const rows = await db
        .selectFrom('consultations')
        .selectAll()
        .where('filed_by', '=', subject)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute()
      return rows.map(toConsultation)
    },
    async listConsultationsForSite(siteId, openOnly, page) {
      let query = db.selectFrom('consultations').selectAll()
      if (siteId !== null) query = query.where('site_id', '=', siteId)
      if (openOnly) query = query.where('status', '=', 'received')
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute()
      return rows.map(toConsultation)
    },
    async updateConsultation(next, expectedVersion) {
      const { id, ...changes } = toRow(next)
      const updated = await db
        .updateTable('consultations')
        .set(changes)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst()
      if (!updated) throw new AppFailure(appError('CONCURRENT_UPDATE'))
      return toConsultation(updated)
    },
  }
}
