import { isConflict, type DocDb, type DocTransaction } from './doc-db'

// CloudBase transactions are optimistic: two that write one document (a day's case counter, a
// shop's guard document) cannot both commit, and the loser gets DATABASE_TRANSACTION_CONFLICT. The
// SDK's runTransaction retries at once, three times, and then throws its own generic error; under a
// burst (twenty identical submits, ten filings at one shop) that is not enough, and immediate
// retries collide again. So the unit is retried here, a bounded number of times, with a short
// randomised pause that spreads the retries out. A filing asks for more attempts than the default
// (cloudbase-case-store.ts): every filing of a day writes that day's counter document.

const ATTEMPTS = 12
const BASE_PAUSE_MS = 4
const MAX_PAUSE_MS = 200

export interface TransactOptions {
  attempts?: number
  /** the pause before retry n (tests pass () => 0) */
  pause?: (attempt: number) => number
}

const jittered = (attempt: number) => Math.random() * Math.min(MAX_PAUSE_MS, BASE_PAUSE_MS * 2 ** attempt)

/**
 * Run `work` in a transaction and commit it; on a conflict, roll back and run it again from the
 * start (so `work` must read everything it decides on through the transaction it is given). Any
 * other error rolls back and is rethrown. Answers what `work` answered.
 */
export async function transact<T>(db: DocDb, work: (tx: DocTransaction) => Promise<T>, options: TransactOptions = {}): Promise<T> {
  const attempts = options.attempts ?? ATTEMPTS
  const pause = options.pause ?? jittered
  for (let attempt = 0; ; attempt++) {
    const tx = (await db.startTransaction()) as DocTransaction
    try {
      const result = await work(tx)
      await tx.commit()
      return result
    } catch (err) {
      await tx.rollback().catch(() => undefined) // already ended (a failed commit) or unreachable: nothing to undo
      if (!isConflict(err) || attempt + 1 >= attempts) throw err
      const ms = pause(attempt)
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms))
    }
  }
}
