import { z } from 'zod'
import { StaffAccountSchema, StaffSessionSchema, type StaffAccount } from '../../ports/records'
import type { IdentityStore } from '../../ports/store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { DocDbError, isDuplicate, ok, type DocDb } from './doc-db'
import { type Doc, parseDoc, readAll, readDoc, readPage } from './doc-reads'
import { saveMembershipDoc, toMembership } from './membership-docs'
import { transact } from './transact'
import { cloudbaseStaffBindingStore } from './cloudbase-staff-binding-store'

// Devices, their browser tokens, clerks' bindings, staff accounts and sessions. Indexes
// (cloudbase-resources.ts): staff: username; memberships: see membership-docs.ts. Everything else is
// read by _id: devices/{subject}, device_tokens/{token hash}, staff_sessions/{token hash},
// staff_usernames/{username} (the guard that keeps a username to one account). OPENID bindings of
// staff accounts: cloudbase-staff-binding-store.ts.

const staffToDoc = (a: StaffAccount) => ({
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  siteId: a.siteId,
  passwordHash: a.passwordHash,
  createdAt: utc(a.createdAt),
  // written only when set: `set` replaces the document, so enabling again removes it
  ...(a.disabledAt ? { disabledAt: utc(a.disabledAt) } : {}),
})
const toStaff = (doc: Doc) => parseDoc(StaffAccountSchema, doc)
const DeviceTokenDocSchema = z.object({
  subject: z.string().min(1),
  retiredAt: z.iso.datetime({ offset: true }).nullable(),
  retiredFor: z.string().nullable(),
})

export function cloudbaseIdentityStore(db: DocDb): IdentityStore {
  const tokens = () => db.collection(COLLECTIONS.deviceTokens)
  return {
    ...cloudbaseStaffBindingStore(db),
    async recordDevice(subject, at) {
      try {
        ok(await db.collection(COLLECTIONS.devices).add({ _id: subject, firstSeenAt: utc(at) }))
      } catch (err) {
        if (!isDuplicate(err)) throw err // known already: the first sighting stays
      }
    },
    async findDeviceToken(tokenHash) {
      const doc = await readDoc(tokens().doc(tokenHash))
      if (!doc) return null
      const { subject, retiredAt, retiredFor } = DeviceTokenDocSchema.parse(doc)
      return { subject, retiredAt, retiredFor }
    },
    async issueDeviceToken(tokenHash, subject, at) {
      ok(await tokens().add({ _id: tokenHash, subject, issuedAt: utc(at), retiredAt: null, retiredFor: null }))
    },
    async rotateDeviceToken(oldHash, newHash, at, retiredFor) {
      // one transaction: the old token is retired and its subject's new one issued, or neither
      await transact(db, async (tx) => {
        const old = await readDoc(tx.collection(COLLECTIONS.deviceTokens).doc(oldHash))
        if (!old) throw new Error('rotateDeviceToken: no such token to retire')
        ok(
          await tx
            .collection(COLLECTIONS.deviceTokens)
            .doc(oldHash)
            .update({ retiredAt: utc(at), retiredFor }),
        )
        ok(
          await tx
            .collection(COLLECTIONS.deviceTokens)
            .add({ _id: newHash, subject: old.subject, issuedAt: utc(at), retiredAt: null, retiredFor: null }),
        )
      })
    },
    saveMembership: (m) => saveMembershipDoc(db, m),
    async listActiveMembershipsOf(subject) {
      const query = db.collection(COLLECTIONS.memberships).where({ subject, status: 'active' })
      const docs = await readAll(query.orderBy('createdAt', 'asc').orderBy('id', 'asc'))
      return docs.map(toMembership)
    },
    async saveStaff(a) {
      // the account and its username's guard together: a username names one account
      await transact(db, async (tx) => {
        const staff = tx.collection(COLLECTIONS.staff)
        const names = tx.collection(COLLECTIONS.staffUsernames)
        const before = await readDoc(staff.doc(a.id))
        const guard = await readDoc(names.doc(a.username))
        if (guard && guard.staffId !== a.id) throw new DocDbError('DATABASE_DUPLICATE_WRITE', `username ${a.username} is taken`)
        if (!guard) ok(await names.doc(a.username).set({ staffId: a.id }))
        if (typeof before?.username === 'string' && before.username !== a.username) {
          const old = await readDoc(names.doc(before.username))
          if (old?.staffId === a.id) ok(await names.doc(before.username).delete())
        }
        // as the SQL upsert: an existing account keeps its creation time
        const createdAt = typeof before?.createdAt === 'string' ? before.createdAt : utc(a.createdAt)
        ok(await staff.doc(a.id).set({ ...staffToDoc(a), createdAt }))
      })
    },
    async findStaffByUsername(username) {
      const [doc] = await readPage(db.collection(COLLECTIONS.staff).where({ username }), 1)
      return doc ? toStaff(doc) : null
    },
    async getStaff(id) {
      const doc = await readDoc(db.collection(COLLECTIONS.staff).doc(id))
      return doc ? toStaff(doc) : null
    },
    async listStaffAccounts() {
      // the username index; usernames are unique (staff_usernames), so pages neither repeat nor skip
      return (await readAll(db.collection(COLLECTIONS.staff).orderBy('username', 'asc'))).map(toStaff)
    },
    async createStaffSession(s) {
      const doc = { _id: s.tokenHash, staffId: s.staffId, createdAt: utc(s.createdAt), expiresAt: utc(s.expiresAt) }
      ok(await db.collection(COLLECTIONS.staffSessions).add(doc))
    },
    async findLiveStaffSession(tokenHash, now) {
      const doc = await readDoc(db.collection(COLLECTIONS.staffSessions).doc(tokenHash))
      // fixed-width UTC on both sides: string order is time order
      if (!doc || !(typeof doc.expiresAt === 'string' && doc.expiresAt > utc(now))) return null
      return parseDoc(StaffSessionSchema, doc, 'tokenHash')
    },
    async deleteStaffSession(tokenHash) {
      ok(await db.collection(COLLECTIONS.staffSessions).doc(tokenHash).remove())
    },
  }
}
