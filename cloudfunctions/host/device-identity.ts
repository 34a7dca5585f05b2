import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../services/context'

// Every browser gets an anonymous device identity: a random 128-bit token in an HttpOnly cookie,
// playing the part the OPENID plays in the cloud. The token is the bearer secret; the store keeps
// only its SHA-256, mapped to the device's subject.
//
// Only tokens this host issued count. A well-formed token we never issued is replaced, never
// adopted: otherwise someone could plant a token they know in another person's browser (a cookie
// set through a shared link, a kiosk, a sibling subdomain) and read whatever that person files.
// For the same reason the token rotates the moment a browser files a case or becomes a clerk: a
// planted token stops working exactly when there starts to be something worth reading.
export const DEVICE_COOKIE = 'ks_device'
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/ // 16 random bytes, base64url
const TWO_YEARS_S = 2 * 365 * 24 * 3600

export function deviceCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: TWO_YEARS_S }
}

export interface DeviceIdentity {
  subject: string
  /** the hash of the token this request presented, or of the one it was just issued */
  tokenHash: string
  /** how the request came to this subject */
  how: 'known' | 'issued' | 'replay' | 'retired'
}

/** A submission's idempotency key, as the digest a rotation keeps for the one replay it allows. */
export const replayDigest = (deps: Pick<Deps, 'secrets'>, idempotencyKey: string) => deps.secrets.hashToken(`replay:${idempotencyKey}`)

async function issue(deps: Deps, reply: FastifyReply, secure: boolean, subject?: string): Promise<{ subject: string; tokenHash: string }> {
  const token = deps.secrets.newToken()
  const tokenHash = deps.secrets.hashToken(token)
  const at = deps.clock.now().toISOString()
  const owner = subject ?? tokenHash // a new device's subject is its first token's hash, as before tokens rotated
  if (!subject) await deps.store.recordDevice(owner, at)
  await deps.store.issueDeviceToken(tokenHash, owner, at)
  reply.setCookie(DEVICE_COOKIE, token, deviceCookieOptions(secure))
  return { subject: owner, tokenHash }
}

/**
 * Who this browser is. `replayOf` is the digest of the idempotency key of a submission this request
 * carries: a token retired by that very submission may replay it once more (its receipt was lost on
 * the way back), and nothing else.
 */
export async function deviceIdentity(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
  replayOf?: string,
): Promise<DeviceIdentity> {
  const presented = request.cookies[DEVICE_COOKIE]
  const found = presented && TOKEN_PATTERN.test(presented) ? await deps.store.findDeviceToken(deps.secrets.hashToken(presented)) : null
  if (presented && found) {
    const tokenHash = deps.secrets.hashToken(presented)
    if (!found.retiredAt) return { subject: found.subject, tokenHash, how: 'known' }
    if (replayOf && found.retiredFor === replayOf) return { subject: found.subject, tokenHash, how: 'replay' }
    // A retired token: most likely a request that left before the rotation's new cookie arrived. It
    // identifies nobody, and no cookie is set, so the browser keeps its new one (see deviceSubject).
    return { subject: '', tokenHash, how: 'retired' }
  }
  return { ...(await issue(deps, reply, secure)), how: 'issued' }
}

/**
 * The device subject of this request (issuing a token when the browser has none we know), or null
 * for a retired token: the route answers DEVICE_ROTATED and the browser, holding its new cookie by
 * then, sends the request again.
 */
export async function deviceSubject(deps: Deps, request: FastifyRequest, reply: FastifyReply, secure: boolean): Promise<string | null> {
  const who = await deviceIdentity(deps, request, reply, secure)
  return who.how === 'retired' ? null : who.subject
}

/**
 * After a step that makes this browser's identity worth more (a case filed, a shop joined): a new
 * token for the same subject, the old one retired. A token issued in this very response is not
 * rotated again — nobody else can know it yet.
 */
export async function rotateDevice(deps: Deps, reply: FastifyReply, who: DeviceIdentity, secure: boolean, retiredFor: string | null) {
  if (who.how === 'issued' || who.how === 'retired') return
  if (who.how === 'replay') {
    await issue(deps, reply, secure, who.subject) // the retired token stays retired; the replay gets a fresh one
    return
  }
  const token = deps.secrets.newToken()
  await deps.store.rotateDeviceToken(who.tokenHash, deps.secrets.hashToken(token), deps.clock.now().toISOString(), retiredFor)
  reply.setCookie(DEVICE_COOKIE, token, deviceCookieOptions(secure))
}
