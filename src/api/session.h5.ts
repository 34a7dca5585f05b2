import { fail, type Result } from '../domain/errors'
import { parseWith } from '../domain/validation'
import { postJson } from './http-post'
import type { login as loginType, logout as logoutType } from './session'
import { LoginInputSchema, StaffSessionSchema, type StaffSession } from './session.schema'

// H5 staff session: the server sets (login) or clears (logout) an HttpOnly cookie; this side never
// sees or stores a token.
export const login: typeof loginType = async (username, password): Promise<Result<StaffSession>> => {
  const input = parseWith(LoginInputSchema, { username, password })
  if (!input.ok) return input
  const result = await postJson('/auth/login', input.data)
  if (!result.ok) return result
  const session = parseWith(StaffSessionSchema, result.data)
  return session.ok ? session : fail('INTERNAL')
}

export const logout: typeof logoutType = async () => {
  const result = await postJson('/auth/logout', {})
  return result.ok ? { ok: true, data: null } : result
}
