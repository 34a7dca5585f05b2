import type { FastifyInstance } from 'fastify'
import { isFunctionName } from '../../src/domain/api/contract'
import { fail } from '../../src/domain/errors'
import { FUNCTIONS } from '../functions/all-functions'
import { dispatch } from '../runtime/dispatch'
import type { Deps } from '../services/context'
import { resolveCaller } from '../services/resolve-caller'
import { deviceSubject } from './device-identity'
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
    const subject = await deviceSubject(deps, request, reply, secureCookies)
    const caller = await resolveCaller(deps, { subject, staffSessionToken: request.cookies[STAFF_COOKIE] })
    const result = await dispatch(
      FUNCTIONS[name],
      request.body,
      { caller, deps },
      {
        error: (message, detail) => request.log.error({ err: detail }, message),
      },
    )
    return sendResult(reply, result)
  })
}
