import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../services/context'

// Every browser gets an anonymous device identity: a random 128-bit token in an HttpOnly cookie.
// The token is the bearer secret; the server keeps and uses only its SHA-256 (the "subject"),
// which plays the role the OPENID plays in the cloud.
export const DEVICE_COOKIE = 'ks_device'
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/ // 16 random bytes, base64url
const TWO_YEARS_S = 2 * 365 * 24 * 3600

export function deviceCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: TWO_YEARS_S }
}

/** The device subject of this request, issuing a new device token when the browser has none. */
export async function deviceSubject(deps: Deps, request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): Promise<string> {
  const presented = request.cookies[DEVICE_COOKIE]
  if (presented && TOKEN_PATTERN.test(presented)) return deps.secrets.hashToken(presented)
  const token = deps.secrets.newToken()
  reply.setCookie(DEVICE_COOKIE, token, deviceCookieOptions(secureCookies))
  const subject = deps.secrets.hashToken(token)
  await deps.store.recordDevice(subject, deps.clock.now().toISOString())
  return subject
}
