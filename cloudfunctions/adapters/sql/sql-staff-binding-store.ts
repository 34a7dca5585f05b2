import type { Kysely, Transaction } from 'kysely'
import {
  LoginFailuresSchema,
  StaffBindingLogEntrySchema,
  StaffBindingSchema,
  type BindOutcome,
  type StaffBinding,
  type StaffBindingLogEntry,
  type StaffBindingStore,
} from '../../ports/staff-bindings'
import type { Database } from './database'

// Staff bindings to OPENIDs (issue 15). One active binding per subject is the partial unique index
// staff_bindings_active_subject; a code is used once by a conditional update inside the transaction
// that binds, so two redeemers racing cannot both succeed.

type Db = Kysely<Database> | Transaction<Database>
const iso = (value: Date | string): string => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null): string | null => (value == null ? null : iso(value))

const toBinding = (r: { id: string; staff_id: string; subject: string; via: string; created_at: Date; revoked_at: Date | null }) =>
  StaffBindingSchema.parse({
    id: r.id,
    staffId: r.staff_id,
    subject: r.subject,
    via: r.via,
    createdAt: iso(r.created_at),
    revokedAt: isoOrNull(r.revoked_at),
  })

const logRow = (e: StaffBindingLogEntry) => ({
  id: e.id,
  action: e.action,
  staff_id: e.staffId,
  subject: e.subject,
  via: e.via,
  actor: e.actor,
  at: e.at,
})

async function activeOf(db: Db, subject: string): Promise<StaffBinding | null> {
  const row = await db
    .selectFrom('staff_bindings')
    .selectAll()
    .where('subject', '=', subject)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ? toBinding(row) : null
}

const existing = (current: StaffBinding, staffId: string): BindOutcome =>
  current.staffId === staffId ? { outcome: 'already', binding: current } : { outcome: 'subject-taken' }

/** Insert the binding unless the subject has an active one; null when it had (nothing written). */
async function insertBinding(db: Db, b: StaffBinding): Promise<boolean> {
  const inserted = await db
    .insertInto('staff_bindings')
    .values({ id: b.id, staff_id: b.staffId, subject: b.subject, via: b.via, created_at: b.createdAt, revoked_at: b.revokedAt })
    .onConflict((oc) => oc.column('subject').where('revoked_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst()
  return !!inserted
}

class AlreadyBound extends Error {}

export function sqlStaffBindingStore(db: Kysely<Database>): StaffBindingStore {
  return {
    async bindStaff(binding, log) {
      try {
        return await db.transaction().execute(async (trx): Promise<BindOutcome> => {
          if (!(await insertBinding(trx, binding))) throw new AlreadyBound()
          await trx.insertInto('staff_binding_log').values(logRow(log)).execute()
          return { outcome: 'bound', binding }
        })
      } catch (err) {
        if (!(err instanceof AlreadyBound)) throw err
        const current = await activeOf(db, binding.subject)
        return current ? existing(current, binding.staffId) : { outcome: 'subject-taken' }
      }
    },
    async redeemBindingCode(codeHash, bind) {
      const code = await db
        .selectFrom('staff_binding_codes')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date(bind.at))
        .executeTakeFirst()
      if (!code) return { outcome: 'code-invalid' }
      const current = await activeOf(db, bind.subject)
      if (current) return existing(current, code.staff_id)
      const binding: StaffBinding = {
        id: bind.bindingId,
        staffId: code.staff_id,
        subject: bind.subject,
        via: 'code',
        createdAt: bind.at,
        revokedAt: null,
      }
      try {
        return await db.transaction().execute(async (trx): Promise<BindOutcome | { outcome: 'code-invalid' }> => {
          // a disabled account's outstanding code binds nobody (it would identify them once re-enabled);
          // read in the redeeming transaction, so the code stays unused
          const account = await trx
            .selectFrom('staff')
            .select('id')
            .where('id', '=', code.staff_id)
            .where('disabled_at', 'is', null)
            .executeTakeFirst()
          if (!account) return { outcome: 'code-invalid' }
          const used = await trx
            .updateTable('staff_binding_codes')
            .set({ used_at: bind.at, used_by: bind.subject })
            .where('code_hash', '=', codeHash)
            .where('used_at', 'is', null)
            .returning('code_hash')
            .executeTakeFirst()
          if (!used) return { outcome: 'code-invalid' } // another redeemer got there first
          if (!(await insertBinding(trx, binding))) throw new AlreadyBound() // rolls the code's use back
          const log = {
            id: bind.logId,
            action: 'bind',
            staffId: code.staff_id,
            subject: bind.subject,
            via: 'code',
            actor: bind.subject,
            at: bind.at,
          }
          await trx
            .insertInto('staff_binding_log')
            .values(logRow(StaffBindingLogEntrySchema.parse(log)))
            .execute()
          return { outcome: 'bound', binding }
        })
      } catch (err) {
        if (!(err instanceof AlreadyBound)) throw err
        const now = await activeOf(db, bind.subject)
        return now ? existing(now, code.staff_id) : { outcome: 'subject-taken' }
      }
    },
    async saveBindingCode(code, log) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('staff_binding_codes')
          .values({
            code_hash: code.codeHash,
            staff_id: code.staffId,
            issued_by: code.issuedBy,
            created_at: code.createdAt,
            expires_at: code.expiresAt,
          })
          .execute()
        await trx.insertInto('staff_binding_log').values(logRow(log)).execute()
      })
    },
    findActiveStaffBindingOf: (subject) => activeOf(db, subject),
    async getStaffBinding(id) {
      const row = await db.selectFrom('staff_bindings').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toBinding(row) : null
    },
    async listStaffBindingsOf(staffId) {
      const rows = await db
        .selectFrom('staff_bindings')
        .selectAll()
        .where('staff_id', '=', staffId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      return rows.map(toBinding)
    },
    async revokeStaffBinding(id, at, log) {
      return db.transaction().execute(async (trx) => {
        const revoked = await trx
          .updateTable('staff_bindings')
          .set({ revoked_at: at })
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
        if (!revoked) return false
        await trx.insertInto('staff_binding_log').values(logRow(log)).execute()
        return true
      })
    },
    async appendStaffBindingLog(log) {
      await db.insertInto('staff_binding_log').values(logRow(log)).execute()
    },
    async listStaffBindingLog(staffId) {
      const rows = await db
        .selectFrom('staff_binding_log')
        .selectAll()
        .where('staff_id', '=', staffId)
        .orderBy('at')
        .orderBy('id')
        .execute()
      return rows.map((r) =>
        StaffBindingLogEntrySchema.parse({
          id: r.id,
          action: r.action,
          staffId: r.staff_id,
          subject: r.subject,
          via: r.via,
          actor: r.actor,
          at: iso(r.at),
        }),
      )
    },
    async getLoginFailures(key) {
      const row = await db.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst()
      if (!row) return null
      return LoginFailuresSchema.parse({
        failures: row.failures,
        lastFailureAt: iso(row.last_failure_at),
        lockedUntil: isoOrNull(row.locked_until),
      })
    },
    async swapLoginFailures(key, expected, next) {
      const values = { failures: next.failures, last_failure_at: next.lastFailureAt, locked_until: next.lockedUntil }
      if (!expected) {
        const inserted = await db
          .insertInto('login_failures')
          .values({ key, ...values })
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .executeTakeFirst()
        return !!inserted
      }
      const updated = await db
        .updateTable('login_failures')
        .set(values)
        .where('key', '=', key)
        .where('failures', '=', expected.failures)
        .where('last_failure_at', '=', new Date(expected.lastFailureAt))
        .returning('key')
        .executeTakeFirst()
      return !!updated
    },
    async setLoginFailures(key, record) {
      if (!record) {
        await db.deleteFrom('login_failures').where('key', '=', key).execute()
        return
      }
      const values = { failures: record.failures, last_failure_at: record.lastFailureAt, locked_until: record.lockedUntil }
      await db
        .insertInto('login_failures')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute()
    },
  }
}
