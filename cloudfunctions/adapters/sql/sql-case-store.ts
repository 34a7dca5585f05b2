import { sql, type Kysely } from 'kysely'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { CaseStore, PageRequest } from '../../ports/store'
import type { Vault } from '../../ports/system'
import type { Database } from './database'
import { caseRowMapper, caseToRow, toEvent, toOutbox } from './row-mappers'

type CaseColumn = 'filed_by' | 'merchant_id' | 'site_id'

export function sqlCaseStore(db: Kysely<Database>, vault: Vault): CaseStore {
  const toCase = caseRowMapper(vault)
  const listBy = async (column: CaseColumn | null, value: string, page: PageRequest) => {
    let query = db.selectFrom('cases').selectAll()
    if (column) query = query.where(column, '=', value)
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute()
    return rows.map(toCase)
  }

  return {
    async nextSequence(counter) {
      const row = await db
        .insertInto('counters')
        .values({ name: counter, value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
        .returning('value')
        .executeTakeFirstOrThrow()
      return Number(row.value)
    },

    async createCase(c, firstEvent, outbox, evidence) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('cases')
          .values(caseToRow(vault, c))
          .onConflict((oc) => oc.columns(['filed_by', 'idempotency_key']).doNothing())
          .returningAll()
          .executeTakeFirst()
        if (!inserted) {
          const existing = await trx
            .selectFrom('cases')
            .selectAll()
            .where('filed_by', '=', c.filedBy)
            .where('idempotency_key', '=', c.idempotencyKey)
            .executeTakeFirstOrThrow()
          return { created: false as const, case: toCase(existing) }
        }
        await trx
          .insertInto('case_events')
          .values({
            id: firstEvent.id,
            case_id: firstEvent.caseId,
            seq: firstEvent.seq,
            type: firstEvent.type,
            actor_role: firstEvent.actor.role,
            actor_id: firstEvent.actor.id,
            at: firstEvent.at,
            note: firstEvent.note,
          })
          .execute()
        const evidenceIds = [...new Set(evidence.ids)]
        if (evidenceIds.length > 0) {
          // claim only files this filer uploaded that no case owns yet; anything else rolls back
          const claimed = await trx
            .updateTable('evidence')
            .set({ case_id: c.id })
            .where('id', 'in', evidenceIds)
            .where('uploaded_by', '=', evidence.uploadedBy)
            .where('case_id', 'is', null)
            .executeTakeFirst()
          if (Number(claimed.numUpdatedRows) !== evidenceIds.length) throw new AppFailure(appError('EVIDENCE_NOT_FOUND'))
        }
        if (outbox.length > 0) {
          await trx
            .insertInto('outbox')
            .values(
              outbox.map((m) => ({
                id: m.id,
                case_id: m.caseId,
                event_id: m.eventId,
                recipient_role: m.recipient.role,
                recipient_id: m.recipient.id,
                template: m.template,
                created_at: m.createdAt,
              })),
            )
            .execute()
        }
        return { created: true as const, case: toCase(inserted) }
      })
    },

    async findCaseByIdempotencyKey(filedBy, key) {
      const row = await db
        .selectFrom('cases')
        .selectAll()
        .where('filed_by', '=', filedBy)
        .where('idempotency_key', '=', key)
        .executeTakeFirst()
      return row ? toCase(row) : null
    },

    async findCaseByNo(caseNo) {
      const row = await db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst()
      return row ? toCase(row) : null
    },

    async getCase(id) {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toCase(row) : null
    },

    listCasesFiledBy: (subject, page) => listBy('filed_by', subject, page),
    listCasesForMerchant: (merchantId, page) => listBy('merchant_id', merchantId, page),
    listCasesForSite: (siteId, page) => listBy('site_id', siteId, page),
    listAllCases: (page) => listBy(null, '', page),

    async listEvents(caseId) {
      const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
      return rows.map(toEvent)
    },

    async listPendingOutbox(limit) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('delivered_at', 'is', null)
        .orderBy('position')
        .limit(limit)
        .execute()
      return rows.map(toOutbox)
    },
  }
}
