import type { Case } from '../../src/domain/case.schema'

// Case numbers count up within a day (KS-20261122-0007) and are read out over the phone, so a gap
// looks like a lost case. A number is therefore drawn inside the very write that creates the case:
// a retry that finds its case already filed, or a filing that fails, rolls the counter back with it.
//
// SQL: the counter row is updated in the case's transaction (its row lock also orders concurrent
// filings of one day). CloudBase document database, when its adapter comes: a runTransaction whose
// single-document operations are `counters.doc(name).update({ value: _.inc(1) })` (or `set` when it
// does not exist yet) and the case `add` — the counter document is read and incremented in the same
// transaction as the case, so it moves only when the case is written.

/** How the store numbers a case it creates: the next value of `counter`, formatted. */
export interface CaseNumbering {
  counter: string
  format(sequence: number): string
}

/** A case to create: numbered by the store inside the write, or already numbered (imports, tests). */
export type NewCase = Omit<Case, 'caseNo'> & ({ caseNo: string } | { numbering: CaseNumbering })
