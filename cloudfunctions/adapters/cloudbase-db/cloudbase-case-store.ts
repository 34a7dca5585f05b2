import { OutboxMessageSchema, type Case } from '../../../src/domain/case.schema'
import { responseOf } from '../../../src/domain/merchant/merchant-tally'
import type { CaseStore, PageRequest } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import type { Vault } from '../../ports/system'
import { CaseDocExtrasSchema, caseDocMapper, caseToDoc, runningClocksAfter } from './case-docs'
import {
  claimEvidence,
  fail,
  GuardSchema,
  keyDocId,
  numbered,
  SequenceSchema,
  workflowOf,
  writeClocksAndOutbox,
} from './case-transaction-steps'
import { tallyAfter } from './cloudbase-merchant-record'
import { COLLECTIONS } from './collection-names'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { readUpTo } from './doc-lists'
import { parseDoc, readDoc, readPage } from './doc-reads'
import { docToEvent, eventToDoc } from './event-docs'
import { markStatsPendingTx } from './stats-marks'
import { confirmedTagsOf } from './cloudbase-tag-store'
import { writeCallbackSampleTx } from './cloudbase-callback-store'
import { transact } from './transact'

// The case store on the document database. createCase and applyChange are each ONE transaction of
// single-document operations (read by _id, add, set, update), everything they decide on read
// through it, so a concurrent writer of any document they touch makes one of the two retry
// (transact.ts) and then decide again on what the other wrote:
//   case_keys/<digest of (filedBy, key)>  the guard: a repeated submit finds it and gets the first case
//   sequences/<day counter>               the case number, drawn inside the filing (no gaps)
//   evidence/<id>                         each claimed file: the filer's own, unclaimed, else nothing
//   cases/<id>, case_events/<id>, case_clocks/<caseId:clockId>, outbox/<id>
//
// Indexes (cases): (filedBy, createdAt desc, _id), (merchantId, kind, createdAt desc, _id),
// (siteId, createdAt desc, _id), (createdAt desc, _id), (caseNo); (case_events): (caseId, seq);
// (outbox, inspection only): (status, position, _id). case_keys and sequences are read by _id only.

/**
 * Every filing of a day writes that day's counter document, so in a rush filings queue on it: one
 * commits per transaction's duration and the others conflict and retry. Fifty at once need about fifty
 * transaction times to get through, more than transact's default budget; a filing may wait that long
 * (a few seconds, inside the function's 20 s).
 */
const FILING_RETRIES = { attempts: 60 }

export function cloudbaseCaseStore(db: DocDb, vault: Vault): CaseStore & Pick<StoreInspection, 'listPendingOutbox'> {
  const toCase = caseDocMapper(vault)
  const cases = () => db.collection(COLLECTIONS.cases)
  const byId = async (id: string) => {
    const doc = await readDoc(cases().doc(id))
    return doc ? toCase(doc) : null
  }
  const list = async (where: Record<string, unknown>, page: PageRequest) => {
    const query = cases().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'asc')
    return (await readUpTo(query, page.limit, page.offset)).map(toCase)
  }

  return {
    // Outside a filing: one atomic increment (findAndModify), no transaction to conflict; the first
    // draw creates the counter, and a draw that loses that race increments the winner's.
    async nextSequence(counter) {
      for (;;) {
        const res = ok(
          await db
            .collection(COLLECTIONS.sequences)
            .where({ _id: counter })
            .updateAndReturn({ value: db.command.inc(1) }),
        )
        if (res.doc) return SequenceSchema.parse(res.doc).value
        try {
          ok(await db.collection(COLLECTIONS.sequences).add({ _id: counter, value: 1 }))
          return 1
        } catch (err) {
          if (!isDuplicate(err)) throw err
        }
      }
    },

    async createCase(c, firstEvent, outbox, evidence, clocks = []) {
      return transact(
        db,
        async (tx) => {
          const guardId = keyDocId(c.filedBy, c.idempotencyKey)
          const used = await readDoc(tx.collection(COLLECTIONS.caseKeys).doc(guardId))
          if (used) {
            // the key's case committed with its guard: it is in this transaction's snapshot
            const earlier = await readDoc(tx.collection(COLLECTIONS.cases).doc(GuardSchema.parse(used).caseId))
            if (!earlier) throw new Error(`case_keys ${used._id} names a case that does not exist`)
            return { created: false as const, case: toCase(earlier) }
          }
          const filed = await numbered(tx, c)
          await claimEvidence(tx, filed.id, evidence)
          const running = runningClocksAfter({}, clocks)
          const doc = { _id: filed.id, ...caseToDoc(vault, filed, running, tallyAfter(filed, responseOf(clocks), null)) }
          ok(await tx.collection(COLLECTIONS.cases).add(doc))
          ok(await tx.collection(COLLECTIONS.caseKeys).add({ _id: guardId, caseId: filed.id }))
          ok(await tx.collection(COLLECTIONS.events).add(eventToDoc(firstEvent)))
          await writeClocksAndOutbox(tx, clocks, outbox)
          await markStatsPendingTx(tx, filed.id) // the statistics count it at the next refresh
          return { created: true as const, case: toCase(doc) }
        },
        FILING_RETRIES,
      )
    },

    async findCaseByIdempotencyKey(filedBy, key) {
      const guard = await readDoc(db.collection(COLLECTIONS.caseKeys).doc(keyDocId(filedBy, key)))
      return guard ? byId(GuardSchema.parse(guard).caseId) : null
    },

    async applyChange({ caseId, expectedVersion, next, event, outbox, clocks, claim, industry, callbackSample }) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.cases).doc(caseId)
        const stored = await readDoc(ref)
        if (!stored) throw fail('CONCURRENT_UPDATE')
        const before = toCase(stored)
        // optimistic concurrency: only on the version the decision was made on. A rival step that
        // commits first makes this transaction conflict; on the retry the version has moved.
        if (before.version !== expectedVersion) throw fail('CONCURRENT_UPDATE')
        const extras = CaseDocExtrasSchema.parse(stored)
        const after: Case = {
          ...before,
          ...workflowOf(next),
          industry: industry ?? before.industry,
          siteId: next.siteId ?? before.siteId, // a transfer within the system moves the case
          updatedAt: next.updatedAt,
          version: expectedVersion + 1,
        }
        const running = runningClocksAfter(extras.runningClocks, clocks)
        const body = {
          ...caseToDoc(vault, after, running, tallyAfter(after, responseOf(clocks) ?? undefined, extras.tally)),
          ...confirmedTagsOf(stored), // the board's tag filter (cloudbase-tag-store.ts): set() replaces the whole document
        }
        ok(await ref.set(body))
        ok(await tx.collection(COLLECTIONS.events).add(eventToDoc(event)))
        await claimEvidence(tx, caseId, claim)
        await writeClocksAndOutbox(tx, clocks, outbox)
        await markStatsPendingTx(tx, caseId)
        if (callbackSample) await writeCallbackSampleTx(tx, callbackSample) // 回访抽查: the answers with the return visit
        return toCase({ _id: caseId, ...body })
      })
    },

    getCase: byId,

    async findCaseByNo(caseNo) {
      const [doc] = await readPage(cases().where({ caseNo }), 1)
      return doc ? toCase(doc) : null
    },

    listCasesFiledBy: (subject, page) => list({ filedBy: subject }, page),
    listCasesForMerchant: (merchantId, page) => list({ merchantId, kind: 'complaint' }, page), // never a report: see the port
    listCasesForSite: (siteId, page) => list({ siteId }, page),
    listAllCases: (page) => list({}, page),

    async listEvents(caseId) {
      const query = db.collection(COLLECTIONS.events).where({ caseId }).orderBy('seq', 'asc').orderBy('_id', 'asc')
      return (await readUpTo(query, Number.MAX_SAFE_INTEGER)).map(docToEvent)
    },

    async listPendingOutbox(limit) {
      const query = db.collection(COLLECTIONS.outbox).where({ status: 'pending' }).orderBy('position', 'asc').orderBy('_id', 'asc')
      return (await readUpTo(query, limit)).map((doc) => parseDoc(OutboxMessageSchema, doc))
    },
  }
}
