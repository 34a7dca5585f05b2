import { createHash } from 'node:crypto'
import { z } from 'zod'
import { OutboxMessageSchema, type Case } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { responseOf } from '../../../src/domain/merchant/merchant-tally'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { NewCase } from '../../ports/case-numbering'
import type { CaseStore, EvidenceClaim, PageRequest } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import type { Vault } from '../../ports/system'
import type { WorkflowState } from '../../../src/domain/workflow/state-machine'
import { CaseDocExtrasSchema, caseDocMapper, caseToDoc, runningClocksAfter } from './case-docs'
import { clockFields, clockDocId } from './clock-docs'
import { tallyAfter } from './cloudbase-merchant-record'
import { COLLECTIONS } from './collection-names'
import { isDuplicate, ok, type DocDb, type DocTransaction } from './doc-db'
import { readUpTo } from './doc-lists'
import { parseDoc, readDoc, readPage } from './doc-reads'
import { docToEvent, eventToDoc } from './event-docs'
import { isClaimableBy } from './evidence-docs'
import { newOutboxDoc } from './outbox-docs'
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

/** The guard's _id: a digest, so a key of any length or alphabet makes a valid, fixed-size _id. */
const keyDocId = (filedBy: string, key: string) =>
  createHash('sha256')
    .update(JSON.stringify([filedBy, key]))
    .digest('hex')

const SequenceSchema = z.object({ value: z.number().int().nonnegative() })
const GuardSchema = z.object({ caseId: z.string().min(1) })

/** What a step changes of the case (as the SQL store's workflowToRow): `next` may carry more, and is not trusted with it. */
const workflowOf = (w: WorkflowState): Omit<WorkflowState, 'kind'> => ({
  status: w.status,
  reopenCount: w.reopenCount,
  outcome: w.outcome,
  completionKind: w.completionKind,
  onSitePending: w.onSitePending,
  extended: w.extended,
  answerKind: w.answerKind,
  rated: w.rated,
  satisfaction: w.satisfaction,
})

/** Thrown inside a transaction to roll it back with AppFailure(code) — no retry. */
const fail = (code: 'EVIDENCE_NOT_FOUND' | 'CONCURRENT_UPDATE') => new AppFailure(appError(code))

/** Take each file for the case: read through the transaction, so a rival claim conflicts instead of both winning. */
async function claimEvidence(tx: DocTransaction, caseId: string, claim: EvidenceClaim | undefined) {
  for (const id of new Set(claim?.ids ?? [])) {
    const file = tx.collection(COLLECTIONS.evidence).doc(id)
    if (!claim || !isClaimableBy(await readDoc(file), claim.uploadedBy)) throw fail('EVIDENCE_NOT_FOUND')
    ok(await file.update({ caseId }))
  }
}

/** A step's or filing's clocks (set: a restarted clock replaces its old run) and outbox rows. */
async function writeClocksAndOutbox(tx: DocTransaction, clocks: readonly CaseClock[], outbox: Parameters<typeof newOutboxDoc>[0][]) {
  for (const k of clocks) ok(await tx.collection(COLLECTIONS.clocks).doc(clockDocId(k.caseId, k.clockId)).set(clockFields(k)))
  for (const [i, m] of outbox.entries()) ok(await tx.collection(COLLECTIONS.outbox).add(newOutboxDoc(m, i)))
}

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

  /** The case with its number: the next value of the day's counter, read and written through `tx`. */
  const numbered = async (tx: DocTransaction, c: NewCase): Promise<Case> => {
    if (!('numbering' in c)) return c
    const { numbering, ...rest } = c
    const counter = tx.collection(COLLECTIONS.sequences).doc(numbering.counter)
    const stored = await readDoc(counter)
    const value = (stored ? SequenceSchema.parse(stored).value : 0) + 1
    ok(await counter.set({ value }))
    return { ...rest, caseNo: numbering.format(value) }
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
      return transact(db, async (tx) => {
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
        return { created: true as const, case: toCase(doc) }
      })
    },

    async findCaseByIdempotencyKey(filedBy, key) {
      const guard = await readDoc(db.collection(COLLECTIONS.caseKeys).doc(keyDocId(filedBy, key)))
      return guard ? byId(GuardSchema.parse(guard).caseId) : null
    },

    async applyChange({ caseId, expectedVersion, next, event, outbox, clocks, claim }) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.cases).doc(caseId)
        const stored = await readDoc(ref)
        if (!stored) throw fail('CONCURRENT_UPDATE')
        const before = toCase(stored)
        // optimistic concurrency: only on the version the decision was made on. A rival step that
        // commits first makes this transaction conflict; on the retry the version has moved.
        if (before.version !== expectedVersion) throw fail('CONCURRENT_UPDATE')
        const extras = CaseDocExtrasSchema.parse(stored)
        const after: Case = { ...before, ...workflowOf(next), updatedAt: next.updatedAt, version: expectedVersion + 1 }
        const running = runningClocksAfter(extras.runningClocks, clocks)
        const body = caseToDoc(vault, after, running, tallyAfter(after, responseOf(clocks) ?? undefined, extras.tally))
        ok(await ref.set(body))
        ok(await tx.collection(COLLECTIONS.events).add(eventToDoc(event)))
        await claimEvidence(tx, caseId, claim)
        await writeClocksAndOutbox(tx, clocks, outbox)
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
