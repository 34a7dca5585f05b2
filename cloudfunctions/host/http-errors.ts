import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { appError, httpStatusOf, type Result } from '../../src/domain/errors'
import { failureOf } from '../runtime/dispatch'

/** Seconds a client should wait before retrying while the database is away (a restart takes a few). */
export const RETRY_AFTER_S = 5

/** Send a Result as the HTTP envelope: 200 with data, or the code's status with { ok:false, error }. */
export function sendResult(reply: FastifyReply, result: Result<unknown>) {
  if (!result.ok && result.error.code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', String(RETRY_AFTER_S))
  return reply.code(result.ok ? 200 : httpStatusOf(result.error.code)).send(result)
}

/**
 * Whatever Fastify itself rejects (malformed JSON, wrong content type, body too large) is the
 * client's doing: answer with its 4xx status and BAD_REQUEST. A fault thrown outside the dispatcher
 * (device identity, sessions, uploads) is classified by the dispatcher's one mapping: a lost database
 * is 503 SERVICE_UNAVAILABLE, only our own faults are 500.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ ok: false, error: appError('BAD_REQUEST') })
  }
  return sendResult(
    reply,
    failureOf(error, `${request.method} ${request.routeOptions.url ?? ''}`, {
      error: (message, detail) => request.log.error({ err: detail }, message),
    }),
  )
}
