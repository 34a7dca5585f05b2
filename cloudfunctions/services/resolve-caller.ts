import type { Caller, StaffIdentity } from '../../src/domain/identity'
import type { StaffAccount } from '../ports/records'
import type { Deps } from './context'
import { bootstrapFirstAdmin } from './first-admin'

export interface PlatformIdentity {
  /** OPENID in the cloud; SHA-256 of the device cookie on the local host */
  subject?: string
  /** the raw staff session token from the host's cookie, if any */
  staffSessionToken?: string
  /**
   * The subject is one the platform vouches for (WeChat's OPENID in CloudBase): a staff account
   * bound to it makes the caller that staff member. Not on the local host, where the subject is a
   * browser cookie and staff sign in with a session (docs/staff-identity.md).
   */
  staffBySubject?: boolean
  /** FIRST_ADMIN_OPENID: this subject bootstraps the first administrator (first-admin.ts) */
  firstAdminSubject?: string
}

/** Roles and sites from the account, exactly as on the desk; a disabled account is nobody. */
const staffOf = (account: StaffAccount | null): StaffIdentity | undefined =>
  account && !account.disabledAt
    ? { staffId: account.id, role: account.role, siteId: account.siteId, displayName: account.displayName }
    : undefined

/** Derive who is calling — and so which roles apply — from what the platform vouches for. */
export async function resolveCaller(deps: Deps, identity: PlatformIdentity): Promise<Caller> {
  const { store, secrets, clock } = deps
  const caller: Caller = { memberships: [] }
  const { subject } = identity
  if (subject) {
    caller.subject = subject
    const [memberships, staff] = await Promise.all([
      store.listActiveMembershipsOf(subject),
      identity.staffBySubject ? staffBoundTo(deps, subject, identity.firstAdminSubject) : undefined,
    ])
    caller.memberships = memberships.map((m) => ({ merchantId: m.merchantId, siteId: m.siteId }))
    if (staff) caller.staff = staff
  }
  if (identity.staffSessionToken) {
    const session = await store.findLiveStaffSession(secrets.hashToken(identity.staffSessionToken), clock.now().toISOString())
    const staff = staffOf(session ? await store.getStaff(session.staffId) : null)
    if (staff) caller.staff = staff
  }
  return caller
}

/** The staff member an OPENID is bound to, read on every call: an unbinding counts on the next one. */
async function staffBoundTo(deps: Deps, subject: string, firstAdminSubject: string | undefined): Promise<StaffIdentity | undefined> {
  let binding = await deps.store.findActiveStaffBindingOf(subject)
  if (!binding && firstAdminSubject && subject === firstAdminSubject) binding = await bootstrapFirstAdmin(deps, subject)
  return binding ? staffOf(await deps.store.getStaff(binding.staffId)) : undefined
}
