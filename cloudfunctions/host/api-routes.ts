import type { FastifyInstance } from 'fastify'
import { isFunctionName } from '../../src/domain/api/contract'
import { fail } from '../../src/domain/errors'
import { FUNCTIONS } from '../functions/all-functions'
import { dispatch } from '../runtime/dispatch'
import type { Deps } from '../services/context'
import { resolveCaller } from '../services/resolve-caller'
import { deviceIdentity, replayDigest, rotateDevice } from './device-identity'
import { sendResult } from './http-errors'
import { STAFF_COOKIE } from './staff-session-routes'

/**
 * POST /api/<function> with the same `{ action, ...input }` event a cloud function receives.
 * The host plays the platform's part: it vouches for the caller (device cookie ~ OPENID,
 * staff session cookie) exactly as CloudBase vouches for the OPENID.
 */
export function registerApiRoutes(app: FastifyInstance, deps: Deps, secureCookies: boolean) {
  app.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const name = request.params.fn
    if (!isFunctionName(name)) return sendResult(reply, fail('UNKNOWN_FUNCTION'))
    if (bindsOpenid(name, request.body)) return sendResult(reply, fail('UNKNOWN_ACTION'))
    const key = submissionKey(name, request.body)
    const replayOf = key ? replayDigest(deps, key) : undefined
    const who = await deviceIdentity(deps, request, reply, secureCookies, replayOf)
    if (who.how === 'retired') return sendResult(reply, fail('DEVICE_ROTATED'))
    const caller = await resolveCaller(deps, { subject: who.subject, staffSessionToken: request.cookies[STAFF_COOKIE] })
    const result = await dispatch(
      FUNCTIONS[name],
      request.body,
      { caller, deps },
      {
        error: (message, detail) => request.log.error({ err: detail }, message),
      },
    )
    if (result.ok && raisesIdentity(name, request.body)) await rotateDevice(deps, reply, who, secureCookies, replayOf ?? null)
    return sendResult(reply, result)
  })
}

const actionOf = (body: unknown) => (typeof body === 'object' && body !== null && 'action' in body ? body.action : undefined)

/** A filing's idempotency key: the one replay a token retired by that filing may still make. */
function submissionKey(fn: string, body: unknown): string | undefined {
  if (fn !== 'consumer' || actionOf(body) !== 'submitComplaint' || typeof body !== 'object' || body === null) return undefined
  const key = 'idempotencyKey' in body ? body.idempotencyKey : undefined
  return typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : undefined
}

/** Steps after which this browser's identity is worth more: a case filed, a shop joined. */
const raisesIdentity = (fn: string, body: unknown) =>
  (fn === 'consumer' && actionOf(body) === 'submitComplaint') || (fn === 'merchant' && actionOf(body) === 'redeemInvite')

/**
 * Binding a WeChat OPENID to a staff account is the mini-program's step: this host knows staff by
 * their session cookie, never by the device subject, so a binding here would identify nobody — and
 * bindByPassword would be a second door for guessing passwords beside the desk's sign-in.
 */
const bindsOpenid = (fn: string, body: unknown) => fn === 'staff' && ['bindByCode', 'bindByPassword'].includes(String(actionOf(body)))
