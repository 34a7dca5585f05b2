import { sql, type Kysely } from 'kysely'
import type { IdentityStore } from '../../ports/store'
import type { Database } from './database'
import { toMembership, toStaff, toStaffSession } from './row-mappers'
import { sqlStaffBindingStore } from './sql-staff-binding-store'

export function sqlIdentityStore(db: Kysely<Database>): IdentityStore {
  return {
    ...sqlStaffBindingStore(db),
    async recordDevice(subject, at) {
      await db
        .insertInto('devices')
        .values({ subject, first_seen_at: at })
        .onConflict((oc) => oc.column('subject').doNothing())
        .execute()
    },
    async findDeviceToken(tokenHash) {
      const row = await db.selectFrom('device_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
      if (!row) return null
      return {
        subject: row.subject,
        retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null,
        retiredFor: row.retired_for,
      }
    },
    async issueDeviceToken(tokenHash, subject, at) {
      await db.insertInto('device_tokens').values({ token_hash: tokenHash, subject, issued_at: at }).execute()
    },
    async rotateDeviceToken(oldHash, newHash, at, retiredFor) {
      // one statement, so one round trip and atomic by itself: the retirement feeds the insert
      const { rows } = await sql<{ subject: string }>`
        with retired as (
          update device_tokens set retired_at = ${at}, retired_for = ${retiredFor} where token_hash = ${oldHash} returning subject
        )
        insert into device_tokens (token_hash, subject, issued_at) select ${newHash}, subject, ${at} from retired returning subject`.execute(
        db,
      )
      if (rows.length !== 1) throw new Error('rotateDeviceToken: no such token to retire')
    },
    async saveMembership(m) {
      await db
        .insertInto('merchant_members')
        .values({
          id: m.id,
          merchant_id: m.merchantId,
          site_id: m.siteId,
          subject: m.subject,
          status: m.status,
          created_at: m.createdAt,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ status: m.status }))
        .execute()
    },
    async listActiveMembershipsOf(subject) {
      const rows = await db
        .selectFrom('merchant_members')
        .selectAll()
        .where('subject', '=', subject)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .execute()
      return rows.map(toMembership)
    },
    async saveStaff(a) {
      const row = {
        id: a.id,
        username: a.username,
        display_name: a.displayName,
        role: a.role,
        site_id: a.siteId,
        password_hash: a.passwordHash,
        created_at: a.createdAt,
        disabled_at: a.disabledAt ?? null,
      }
      const { id: _id, created_at: _c, ...changes } = row
      await db
        .insertInto('staff')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute()
    },
    async findStaffByUsername(username) {
      const row = await db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst()
      return row ? toStaff(row) : null
    },
    async getStaff(id) {
      const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toStaff(row) : null
    },
    async listStaffAccounts() {
      const rows = await db.selectFrom('staff').selectAll().orderBy('username').execute()
      return rows.map(toStaff)
    },
    async createStaffSession(s) {
      await db
        .insertInto('staff_sessions')
        .values({ token_hash: s.tokenHash, staff_id: s.staffId, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute()
    },
    async findLiveStaffSession(tokenHash, now) {
      const row = await db
        .selectFrom('staff_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', new Date(now))
        .executeTakeFirst()
      return row ? toStaffSession(row) : null
    },
    async deleteStaffSession(tokenHash) {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
    },
  }
}
