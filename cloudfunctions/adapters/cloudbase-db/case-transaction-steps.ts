import { z } from 'zod'
import type { Case } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { WorkflowState } from '../../../src/domain/workflow/state-machine'
import type { NewCase } from '../../ports/case-numbering'
import type { EvidenceClaim } from '../../ports/store'
import { clockDocId, clockFields } from './clock-docs'
import { COLLECTIONS } from './collection-names'
import { ok, type DocTransaction } from './doc-db'
import { readDoc } from './doc-reads'
import { isClaimableBy } from './evidence-docs'
import { queueOutbox, type newOutboxDoc } from './outbox-docs'
import { digestId } from './doc-codec'

// The steps createCase and applyChange take inside their transaction (cloudbase-case-store.ts): each
// reads what it decides on through `tx`, so a rival writer of the same document makes one of the two
// conflict and retry instead of both winning.

/** The guard's _id: a digest, so a key of any length or alphabet makes a valid, fixed-size _id. */
export const keyDocId = (filedBy: string, key: string) => digestId(filedBy, key)

export const SequenceSchema = z.object({ value: z.number().int().nonnegative() })
export const GuardSchema = z.object({ caseId: z.string().min(1) })

/** What a step changes of the case (as the SQL store's workflowToRow): `next` may carry more, and is not trusted with it. */
export const workflowOf = (w: WorkflowState): Omit<WorkflowState, 'kind'> => ({
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
export const fail = (code: 'EVIDENCE_NOT_FOUND' | 'CONCURRENT_UPDATE') => new AppFailure(appError(code))

/** Take each file for the case: read through the transaction, so a rival claim conflicts instead of both winning. */
export async function claimEvidence(tx: DocTransaction, caseId: string, claim: EvidenceClaim | undefined) {
  for (const id of new Set(claim?.ids ?? [])) {
    const file = tx.collection(COLLECTIONS.evidence).doc(id)
    if (!claim || !isClaimableBy(await readDoc(file), claim.uploadedBy)) throw fail('EVIDENCE_NOT_FOUND')
    ok(await file.update({ caseId }))
  }
}

/** A step's or filing's clocks (set: a restarted clock replaces its old run) and outbox rows. */
export async function writeClocksAndOutbox(tx: DocTransaction, clocks: readonly CaseClock[], outbox: Parameters<typeof newOutboxDoc>[0][]) {
  for (const k of clocks) ok(await tx.collection(COLLECTIONS.clocks).doc(clockDocId(k.caseId, k.clockId)).set(clockFields(k)))
  await queueOutbox(tx, outbox)
}

/** The case with its number: the next value of the day's counter, read and written through `tx`. */
export async function numbered(tx: DocTransaction, c: NewCase): Promise<Case> {
  if (!('numbering' in c)) return c
  const { numbering, ...rest } = c
  const counter = tx.collection(COLLECTIONS.sequences).doc(numbering.counter)
  const stored = await readDoc(counter)
  const value = (stored ? SequenceSchema.parse(stored).value : 0) + 1
  ok(await counter.set({ value }))
  return { ...rest, caseNo: numbering.format(value) }
}
