import { sql, type Kysely } from 'kysely'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { Case } from '../../../src/domain/case.schema'
import type { NewCase } from '../../ports/case-numbering'
import type { CaseStore, EvidenceClaim, PageRequest } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import type { Vault } from '../../ports/system'
import type { Database } from './database'
import { clockSummaryColumns, refreshClockSummary } from './sql-board-store'
import { fileInOneStatement, type FiledRow } from './file-case-statement'
import { clockToRow, writeClocks } from './sql-clock-store'
import { markStatsPendingIn } from './sql-stats-store'
import { writeCallbackSampleIn } from './sql-callback-store'
import { applyTallyDelta, lockedResponseClock, responseOf, tallyDeltaWrite, tallyOf } from './sql-merchant-counters'
import { caseRowMapper, caseToRow, eventToRow, outboxToRow, toEvent, toOutbox, workflowToRow } from './row-mappers'

/** Claim only files this person uploaded that no case owns yet; anything else rolls the whole write back. */
async function claimEvidence(trx: Kysely<Database>, caseId: string, claim: EvidenceClaim) {
  const ids = [...new Set(claim.ids)]
  if (ids.length === 0) return
  const claimed = await trx
    .updateTable('evidence')
    .set({ case_id: caseId })
    .where('id', 'in', ids)
    .where('uploaded_by', '=', claim.uploadedBy)
    .where('case_id', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== ids.length) throw new AppFailure(appError('EVIDENCE_NOT_FOUND'))
}

type CaseColumn = 'filed_by' | 'merchant_id' | 'site_id'

/** Next value of a named counter; inside a transaction, the row stays locked (and the value taken) until it ends. */
async function nextValue(db: Kysely<Database>, counter: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name: counter, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

/** The case with its number: drawn from the counter inside `trx` when the service asked the store to number it. */
async function numbered(trx: Kysely<Database>, c: NewCase): Promise<Case> {
  if (!('numbering' in c)) return c
  const { numbering, ...rest } = c
  return { ...rest, caseNo: numbering.format(await nextValue(trx, numbering.counter)) }
}

/** Thrown inside createCase's transaction to roll it back (the counter with it) when the key was used already. */
class AlreadyFiled extends Error {
  /** the filing that holds the key, when the statement could see it (else it is read after the rollback) */
  constructor(readonly row: FiledRow | null) {
    super('already filed')
  }
}

export function sqlCaseStore(db: Kysely<Database>, vault: Vault): CaseStore & Pick<StoreInspection, 'listPendingOutbox'> {
  const toCase = caseRowMapper(vault)
  const listBy = async (column: CaseColumn | null, value: string, page: PageRequest, complaintsOnly = false) => {
    let query = db.selectFrom('cases').selectAll()
    if (column) query = query.where(column, '=', value)
    if (complaintsOnly) query = query.where('kind', '=', 'complaint')
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute()
    return rows.map(toCase)
  }

  return {
    nextSequence: (counter) => nextValue(db, counter),

    // The number is drawn first, inside the transaction: concurrent filings of a day queue on the
    // counter row, and a retry whose key is taken (or a failed claim) rolls its number back. Then
    // everything else in one statement (file-case-statement.ts): BEGIN, counter, filing, COMMIT. The
    // case that was there is read after the rollback, outside it.
    async createCase(c, firstEvent, outbox, evidence, clocks = []) {
      try {
        return await db.transaction().execute(async (trx) => {
          const caseRow = { ...caseToRow(vault, await numbered(trx, c)), ...clockSummaryColumns(clocks) }
          const filed = await fileInOneStatement(trx, {
            caseRow,
            eventRow: eventToRow(firstEvent),
            outboxRows: outbox.map(outboxToRow),
            clockRows: clocks.map(clockToRow),
            claim: evidence,
            tally: c.kind === 'complaint' ? tallyDeltaWrite(trx, c.merchantId, null, tallyOf(c, responseOf(clocks))) : null,
          })
          if (!filed?.created) throw new AlreadyFiled(filed) // rolls the number back
          if (Number(filed.claimed_count) !== new Set(evidence.ids).size) throw new AppFailure(appError('EVIDENCE_NOT_FOUND'))
          const { claimed_count: _count, created: _created, ...inserted } = filed
          return { created: true as const, case: toCase(inserted) }
        })
      } catch (error) {
        if (!(error instanceof AlreadyFiled)) throw error
        if (error.row) {
          const { claimed_count: _count, created: _created, ...earlier } = error.row
          return { created: false as const, case: toCase(earlier) }
        }
        const existing = await db
          .selectFrom('cases')
          .selectAll()
          .where('filed_by', '=', c.filedBy)
          .where('idempotency_key', '=', c.idempotencyKey)
          .executeTakeFirstOrThrow()
        return { created: false as const, case: toCase(existing) }
      }
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

    async applyChange({ caseId, expectedVersion, next, event, outbox, clocks, claim, industry, callbackSample }) {
      return db.transaction().execute(async (trx) => {
        // optimistic concurrency: the update only lands on the version the decision was made on. It
        // also hands back the status and outcome it replaced (the shop's counters move by the difference):
        // a row at the expected version is exactly the row the statement's snapshot saw.
        const updated = await trx
          .updateTable('cases')
          .from('cases as before')
          .set({
            ...workflowToRow(next),
            ...(industry ? { industry } : {}),
            ...(next.siteId ? { site_id: next.siteId } : {}), // a transfer within the system moves the case
            updated_at: next.updatedAt,
            version: expectedVersion + 1,
          })
          .whereRef('before.id', '=', 'cases.id')
          .where('cases.id', '=', caseId)
          .where('cases.version', '=', expectedVersion)
          .returningAll('cases')
          .returning(['before.status as before_status', 'before.outcome as before_outcome'])
          .executeTakeFirst()
        if (!updated) throw new AppFailure(appError('CONCURRENT_UPDATE'))
        await trx.insertInto('case_events').values(eventToRow(event)).execute()
        if (claim) await claimEvidence(trx, caseId, claim)
        if (outbox.length > 0) await trx.insertInto('outbox').values(outbox.map(outboxToRow)).execute()
        // the response clock as it was, locked: a tick marking it overdue meanwhile waits, then finds it moved
        const response = responseOf(clocks) ? await lockedResponseClock(trx, caseId) : undefined
        await writeClocks(trx, clocks)
        if (clocks.length > 0) await refreshClockSummary(trx, caseId)
        if (updated.kind === 'complaint') {
          const before = { status: updated.before_status, outcome: updated.before_outcome, response: response ?? null }
          await applyTallyDelta(trx, updated.merchant_id, before, tallyOf(updated, responseOf(clocks) ?? response ?? null))
        }
        await markStatsPendingIn(trx, [caseId]) // its figures are refreshed after the next tick
        if (callbackSample) await writeCallbackSampleIn(trx, callbackSample) // 回访抽查: the answers with the return visit
        return toCase(updated)
      })
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
    listCasesForMerchant: (merchantId, page) => listBy('merchant_id', merchantId, page, true), // never a report: see the port
    listCasesForSite: (siteId, page) => listBy('site_id', siteId, page),
    listAllCases: (page) => listBy(null, '', page),

    async listEvents(caseId) {
      const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
      return rows.map(toEvent)
    },

    async listPendingOutbox(limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('status', '=', 'pending').orderBy('position').limit(limit).execute()
      return rows.map(toOutbox)
    },
  }
}
