import {
  LoginFailuresSchema,
  StaffBindingLogEntrySchema,
  StaffBindingSchema,
  type BindOutcome,
  type RedeemOutcome,
  type StaffBinding,
  type StaffBindingLogEntry,
  type StaffBindingStore,
} from '../../ports/staff-bindings'
import { COLLECTIONS } from './collection-names'
import { compoundId, utc, utcOrNull } from './doc-codec'
import { ok, type DocDb, type DocTransaction } from './doc-db'
import { type Doc, parseDoc, readAll, readDoc } from './doc-reads'
import { transact } from './transact'

// Staff bindings to OPENIDs (issue 15). staff_bindings/{binding id} holds every binding, revoked
// ones too; the guard staff_binding_subjects/{subject} holds the subject's ACTIVE binding (a copy of
// it), so resolving a caller is one read by _id and a subject can have one active binding only.
// staff_binding_codes/{code hash} is used once: the transaction that binds marks it used. The log
// is append-only (staff_binding_log, index staffId + at). login_failures/{escaped key}.

const bindingDoc = (b: StaffBinding) => ({
  staffId: b.staffId,
  subject: b.subject,
  via: b.via,
  createdAt: utc(b.createdAt),
  revokedAt: utcOrNull(b.revokedAt),
})
const guardDoc = (b: StaffBinding) => ({ bindingId: b.id, staffId: b.staffId, via: b.via, createdAt: utc(b.createdAt) })
const fromGuard = (subject: string, g: Doc): StaffBinding =>
  StaffBindingSchema.parse({ id: g.bindingId, staffId: g.staffId, subject, via: g.via, createdAt: g.createdAt, revokedAt: null })
const logDoc = (e: StaffBindingLogEntry) => ({
  _id: e.id,
  action: e.action,
  staffId: e.staffId,
  subject: e.subject,
  via: e.via,
  actor: e.actor,
  at: utc(e.at),
})

const existing = (current: StaffBinding, staffId: string): BindOutcome =>
  current.staffId === staffId ? { outcome: 'already', binding: current } : { outcome: 'subject-taken' }

/** Inside a transaction: bind unless the subject's guard is taken (then the outcome says by whom). */
async function bindIn(tx: DocTransaction, binding: StaffBinding, log: StaffBindingLogEntry): Promise<BindOutcome> {
  const guards = tx.collection(COLLECTIONS.staffBindingSubjects)
  const guard = await readDoc(guards.doc(binding.subject))
  if (guard) return existing(fromGuard(binding.subject, guard), binding.staffId)
  ok(await guards.doc(binding.subject).set(guardDoc(binding)))
  ok(await tx.collection(COLLECTIONS.staffBindings).doc(binding.id).set(bindingDoc(binding)))
  ok(await tx.collection(COLLECTIONS.staffBindingLog).add(logDoc(log)))
  return { outcome: 'bound', binding }
}

export function cloudbaseStaffBindingStore(db: DocDb): StaffBindingStore {
  const failuresId = (key: string) => compoundId(key)
  return {
    bindStaff: (binding, log) => transact(db, (tx) => bindIn(tx, binding, log)),
    redeemBindingCode(codeHash, bind) {
      return transact(db, async (tx): Promise<RedeemOutcome> => {
        const codes = tx.collection(COLLECTIONS.staffBindingCodes)
        const code = await readDoc(codes.doc(codeHash))
        // fixed-width UTC on both sides: string order is time order
        const live = !!code && code.usedAt == null && typeof code.expiresAt === 'string' && code.expiresAt > utc(bind.at)
        if (!code || !live || typeof code.staffId !== 'string') return { outcome: 'code-invalid' }
        // a disabled account's outstanding code binds nobody (it would identify them once re-enabled); the code stays unused
        const account = await readDoc(tx.collection(COLLECTIONS.staff).doc(code.staffId))
        if (!account || account.disabledAt != null) return { outcome: 'code-invalid' }
        const binding: StaffBinding = {
          id: bind.bindingId,
          staffId: code.staffId,
          subject: bind.subject,
          via: 'code',
          createdAt: bind.at,
          revokedAt: null,
        }
        const log = StaffBindingLogEntrySchema.parse({
          id: bind.logId,
          action: 'bind',
          staffId: code.staffId,
          subject: bind.subject,
          via: 'code',
          actor: bind.subject,
          at: bind.at,
        })
        const outcome = await bindIn(tx, binding, log)
        // the code is used only by a binding it made; the update makes two redeemers conflict
        if (outcome.outcome === 'bound') ok(await codes.doc(codeHash).update({ usedAt: utc(bind.at), usedBy: bind.subject }))
        return outcome
      })
    },
    async saveBindingCode(code, log) {
      await transact(db, async (tx) => {
        const doc = {
          staffId: code.staffId,
          issuedBy: code.issuedBy,
          createdAt: utc(code.createdAt),
          expiresAt: utc(code.expiresAt),
          usedAt: null,
          usedBy: null,
        }
        ok(await tx.collection(COLLECTIONS.staffBindingCodes).doc(code.codeHash).set(doc))
        ok(await tx.collection(COLLECTIONS.staffBindingLog).add(logDoc(log)))
      })
    },
    async findActiveStaffBindingOf(subject) {
      const guard = await readDoc(db.collection(COLLECTIONS.staffBindingSubjects).doc(subject))
      return guard ? fromGuard(subject, guard) : null
    },
    async getStaffBinding(id) {
      const doc = await readDoc(db.collection(COLLECTIONS.staffBindings).doc(id))
      return doc ? parseDoc(StaffBindingSchema, doc) : null
    },
    async listStaffBindingsOf(staffId) {
      const query = db.collection(COLLECTIONS.staffBindings).where({ staffId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc')
      return (await readAll(query)).map((doc) => parseDoc(StaffBindingSchema, doc))
    },
    revokeStaffBinding(id, at, log) {
      return transact(db, async (tx) => {
        const bindings = tx.collection(COLLECTIONS.staffBindings)
        const doc = await readDoc(bindings.doc(id))
        if (!doc || doc.revokedAt != null || typeof doc.subject !== 'string') return false
        ok(await bindings.doc(id).update({ revokedAt: utc(at) }))
        const guards = tx.collection(COLLECTIONS.staffBindingSubjects)
        const guard = await readDoc(guards.doc(doc.subject))
        if (guard?.bindingId === id) ok(await guards.doc(doc.subject).delete())
        ok(await tx.collection(COLLECTIONS.staffBindingLog).add(logDoc(log)))
        return true
      })
    },
    async appendStaffBindingLog(log) {
      ok(await db.collection(COLLECTIONS.staffBindingLog).add(logDoc(log)))
    },
    async listStaffBindingLog(staffId) {
      const query = db.collection(COLLECTIONS.staffBindingLog).where({ staffId }).orderBy('at', 'asc').orderBy('_id', 'asc')
      return (await readAll(query)).map((doc) => parseDoc(StaffBindingLogEntrySchema, doc))
    },
    async getLoginFailures(key) {
      const doc = await readDoc(db.collection(COLLECTIONS.loginFailures).doc(failuresId(key)))
      return doc ? LoginFailuresSchema.parse(doc) : null
    },
    swapLoginFailures(key, expected, next) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.loginFailures).doc(failuresId(key))
        const doc = await readDoc(ref)
        const now = doc ? LoginFailuresSchema.parse(doc) : null
        const same = expected
          ? !!now && now.failures === expected.failures && now.lastFailureAt === utc(expected.lastFailureAt)
          : now === null
        if (!same) return false
        ok(await ref.set({ failures: next.failures, lastFailureAt: utc(next.lastFailureAt), lockedUntil: utcOrNull(next.lockedUntil) }))
        return true
      })
    },
    async setLoginFailures(key, record) {
      const ref = db.collection(COLLECTIONS.loginFailures).doc(failuresId(key))
      if (!record) {
        ok(await ref.remove())
        return
      }
      ok(await ref.set({ failures: record.failures, lastFailureAt: utc(record.lastFailureAt), lockedUntil: utcOrNull(record.lockedUntil) }))
    },
  }
}
