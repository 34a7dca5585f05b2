import type { Result } from '../domain/errors'
import { call } from './call'
import type { StaffSession } from './session.schema'

// Staff identity in the WeChat build (issue 15, docs/staff-identity.md): there is no session. The
// platform's OPENID is the caller, and a staff account bound to it makes the caller that staff member.
// "Signing in" with username and password binds this phone once (staff.bindByPassword); unbinding is
// on the binding page (staff.unbindMine), after which the next call is refused. Pages import this
// file; Taro swaps in session.h5.ts (the desk's cookie session) for the H5 build.

export async function login(username: string, password: string): Promise<Result<StaffSession>> {
  const bound = await call('staff', 'bindByPassword', { username, password })
  if (!bound.ok) return bound
  return { ok: true, data: { displayName: bound.data.displayName, role: bound.data.role } }
}

/**
 * Leaving the board in WeChat unbinds nothing: the board's 退出登录 then opens the login page, which
 * in WeChat is the binding page's 我的账号 — there 解除本机绑定 is an explicit choice, so a mis-tap
 * never costs the person a new binding code.
 */
export async function logout(): Promise<Result<null>> {
  return { ok: true, data: null }
}
