import type { Caller } from '../../src/domain/identity'
import type { Deps } from './context'

export interface PlatformIdentity {
  /** OPENID in the cloud; SHA-256 of the device cookie on the local host */
  subject?: string
  /** the raw staff session token from the host's cookie, if any */
  staffSessionToken?: string
}

/** Derive who is calling — and so which roles apply — from what the platform vouches for. */
export async function resolveCaller(deps: Deps, identity: PlatformIdentity): Promise<Caller> {
  const { store, secrets, clock } = deps
  const caller: Caller = { memberships: [] }
  if (identity.subject) {
    caller.subject = identity.subject
    const memberships = await store.listActiveMembershipsOf(identity.subject)
    caller.memberships = memberships.map((m) => ({ merchantId: m.merchantId, siteId: m.siteId }))
  }
  if (identity.staffSessionToken) {
    const session = await store.findLiveStaffSession(secrets.hashToken(identity.staffSessionToken), clock.now().toISOString())
    const account = session ? await store.getStaff(session.staffId) : null
    if (account) {
      caller.staff = {
        staffId: account.id,
        role: account.role,
        siteId: account.siteId,
        displayName: account.displayName,
      }
    }
  }
  return caller
}
