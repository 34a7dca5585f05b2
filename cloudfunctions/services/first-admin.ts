import type { StaffAccount } from '../ports/records'
import type { StaffBinding } from '../ports/staff-bindings'
import type { Deps } from './context'

// The first administrator of a fresh environment (docs/staff-identity.md). Both ways in make the
// same account, FIRST_ADMIN_ID: `npm run cloud:bootstrap` writes it with a one-time setup code, and
// the FIRST_ADMIN_OPENID variable binds that OPENID to it on its first call. Once the account
// exists the variable is ignored, so a forgotten variable grants nothing after the bootstrap.

export const FIRST_ADMIN_ID = 'first-admin'
export const FIRST_ADMIN_USERNAME = 'first-admin'

/** The first administrator's account as both bootstraps create it: no usable password (bind by code or OPENID). */
export async function firstAdminAccount(deps: Deps, at: string): Promise<StaffAccount> {
  return {
    id: FIRST_ADMIN_ID,
    username: FIRST_ADMIN_USERNAME,
    displayName: '管理员',
    role: 'admin',
    siteId: null,
    // a password nobody knows: the desk sign-in needs one set later by an administrator
    passwordHash: await deps.secrets.hashPassword(deps.secrets.newToken()),
    createdAt: at,
  }
}

/**
 * The FIRST_ADMIN_OPENID bootstrap: while no first administrator exists, the named subject becomes
 * one (account created, subject bound, audited as via 'bootstrap'). Null once the account exists.
 */
export async function bootstrapFirstAdmin(deps: Deps, subject: string): Promise<StaffBinding | null> {
  const { store, clock, ids } = deps
  if (await store.getStaff(FIRST_ADMIN_ID)) return null
  const at = clock.now().toISOString()
  await store.saveStaff(await firstAdminAccount(deps, at))
  const binding: StaffBinding = { id: ids.newId(), staffId: FIRST_ADMIN_ID, subject, via: 'bootstrap', createdAt: at, revokedAt: null }
  const log = {
    id: ids.newId(),
    action: 'bind',
    staffId: FIRST_ADMIN_ID,
    subject,
    via: 'bootstrap',
    actor: 'FIRST_ADMIN_OPENID',
    at,
  } as const
  const outcome = await store.bindStaff(binding, log)
  return outcome.outcome === 'subject-taken' ? null : outcome.binding
}
