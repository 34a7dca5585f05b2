import type { Result } from '../domain/errors'
import { call } from './call'
import type { StaffSession } from './session.schema'

// Staff identity in the WeChat build (issue 15, docs/staff-identity.md): there is no session. The
// platform's OPENID is the caller, and a staff account bound to it makes the caller that staff member.
// "Signing in" with username and password binds this phone once (staff.bindByPassword); "signing
// out" unbinds it (staff.unbindMine), so the next call is refused. Pages import this file; Taro swaps
// in session.h5.ts (the desk's cookie session) for the H5 build.

export async function login(username: string, password: string): Promise<Result<StaffSession>> {
  const bound = await call('staff', 'bindByPassword', { username, password })
  if (!bound.ok) return bound
  return { ok: true, data: { displayName: bound.data.displayName, role: bound.data.role } }
}

export async function logout(): Promise<Result<null>> {
  const list = await call('staff', 'myBindings', {})
  if (!list.ok) return list
  const mine = list.data.items.find((b) => b.mine && !b.revokedAt)
  if (!mine) return { ok: true, data: null }
  const unbound = await call('staff', 'unbindMine', { bindingId: mine.id })
  return unbound.ok ? { ok: true, data: null } : unbound
}
