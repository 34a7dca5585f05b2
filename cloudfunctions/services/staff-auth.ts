import { fail, ok, type Result } from '../../src/domain/errors'
import type { StaffRole } from '../../src/domain/identity'
import type { StaffAccount } from '../ports/records'
import type { Deps } from './context'

export const STAFF_SESSION_HOURS = 12

// Verified against when the username does not exist, so that an unknown user costs the same scrypt
// work as a wrong password and the response time does not tell which usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$Jk3Zt5qkxHj2bq1yCw2B0n4oZbE1bq3ZyV7v0o8s0kA'

export interface StaffLogin {
  token: string
  displayName: string
  role: StaffRole
}

/**
 * The account these credentials open, or LOGIN_FAILED — the same answer, and the same scrypt work,
 * for an unknown username, a wrong password and a disabled account. The desk's sign-in and the
 * mini-program's password binding (staff-bindings.ts) both check here.
 */
export async function checkStaffPassword(deps: Deps, username: string, password: string): Promise<Result<StaffAccount>> {
  const account = await deps.store.findStaffByUsername(username.trim())
  const valid = await deps.secrets.verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
  if (!account || !valid || account.disabledAt) return fail('LOGIN_FAILED')
  return ok(account)
}

export async function loginStaff(deps: Deps, username: string, password: string): Promise<Result<StaffLogin>> {
  const { store, secrets, clock } = deps
  const checked = await checkStaffPassword(deps, username, password)
  if (!checked.ok) return checked
  const account = checked.data
  const token = secrets.newToken()
  const now = clock.now()
  await store.createStaffSession({
    tokenHash: secrets.hashToken(token),
    staffId: account.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + STAFF_SESSION_HOURS * 3600_000).toISOString(),
  })
  return ok({ token, displayName: account.displayName, role: account.role })
}

export async function logoutStaff(deps: Deps, token: string): Promise<void> {
  await deps.store.deleteStaffSession(deps.secrets.hashToken(token))
}
