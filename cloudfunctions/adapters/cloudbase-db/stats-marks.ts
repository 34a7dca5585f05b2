import { randomInt } from 'node:crypto'
import { COLLECTIONS } from './collection-names'
import { ok, type DocTransaction } from './doc-db'

// The statistics' pending marks on the document database (ports/stats-store.ts): one document per
// case, _id = the case id, written inside the transaction of the write that changed the case.

let last = { ms: 0, n: 0 }

/**
 * A mark's value: the instant, then six digits in place of the microseconds — a count of the marks this
 * process made in that millisecond, then three random digits. Marks sort by time (in one process, by
 * the order they were made), and a write that marks a case again in the same millisecond still leaves
 * a different value, so a refresh that read the earlier one does not clear the newer.
 */
export function newMark(now = new Date()): string {
  const ms = Math.max(now.getTime(), last.ms)
  last = { ms, n: ms === last.ms ? last.n + 1 : 0 }
  const digits = `${String(last.n % 1000).padStart(3, '0')}${String(randomInt(1000)).padStart(3, '0')}`
  return `${new Date(ms).toISOString().slice(0, -1)}${digits}Z`
}

/** Mark the case pending in `tx` (set: a newer mark replaces the older). */
export async function markStatsPendingTx(tx: DocTransaction, caseId: string) {
  ok(await tx.collection(COLLECTIONS.statsPending).doc(caseId).set({ markedAt: newMark() }))
}
