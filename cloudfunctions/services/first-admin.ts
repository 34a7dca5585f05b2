import { INVITE_CODE_BYTES, inviteCodeFrom } from '../../src/domain/merchant/invite'
import { BINDING_CODE_TTL_HOURS } from '../../src/domain/staff/staff-api'
import type { StaffAccount } from '../ports/records'
import type { StaffBinding } from '../ports/staff-bindings'
import type { IdentityStore } from '../ports/store'
import type { Clock, Ids, Secrets } from '../ports/system'
import type { Deps } from './context'

// The first administrator of a fresh environment (docs/staff-identity.md). Both ways in make the
// same account, FIRST_ADMIN_ID: `npm run cloud:bootstrap` writes it with a one-time setup code, and
// the FIRST_ADMIN_OPENID variable binds that OPENID to it on its first call. Once the account
// exists the variable is ignored, so a forgotten variable grants nothing after the bootstrap.

export const FIRST_ADMIN_ID = 'first-admin'
export const FIRST_ADMIN_USERNAME = 'first-admin'

/** The first administrator's account as both bootstraps create it: no usable password (bind by code or OPENID). */
export async function firstAdminAccount(deps: Pick<Deps, 'secrets'>, at: string): Promise<StaffAccount> {
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

/** What `npm run cloud:bootstrap` needs: the identity part of the store, and no other dependency. */
export interface SetupCodeDeps {
  store: IdentityStore
  secrets: Secrets
  clock: Clock
  ids: Ids
}

export interface SetupCode {
  code: string
  expiresAt: string
  /** the first administrator existed already (the code binds one more phone to it) */
  existed: boolean
  /** how many phones are bound to it now */
  activeBindings: number
}

/**
 * The setup code of `npm run cloud:bootstrap`: the first administrator's account (made unless it
 * exists) and a one-time binding code for it, only its hash stored; the code is returned to print.
 */
export async function issueFirstAdminSetupCode(deps: SetupCodeDeps): Promise<SetupCode> {
  const { store, secrets, clock, ids } = deps
  const now = clock.now()
  const before = await store.getStaff(FIRST_ADMIN_ID)
  if (!before) await store.saveStaff(await firstAdminAccount(deps, now.toISOString()))
  const code = inviteCodeFrom(secrets.randomBytes(INVITE_CODE_BYTES))
  if (!code) throw new Error('random source returned too few usable bytes')
  const expiresAt = new Date(now.getTime() + BINDING_CODE_TTL_HOURS * 3600_000).toISOString()
  const at = now.toISOString()
  await store.saveBindingCode(
    { codeHash: secrets.hashToken(code), staffId: FIRST_ADMIN_ID, issuedBy: 'bootstrap', createdAt: at, expiresAt },
    { id: ids.newId(), action: 'issue-code', staffId: FIRST_ADMIN_ID, subject: null, via: 'bootstrap', actor: 'cloud:bootstrap', at },
  )
  const activeBindings = (await store.listStaffBindingsOf(FIRST_ADMIN_ID)).filter((b) => !b.revokedAt).length
  return { code, expiresAt, existed: !!before, activeBindings }
}
