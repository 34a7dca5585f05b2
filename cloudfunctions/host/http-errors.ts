import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { appError, httpStatusOf, type Result } from '../../src/domain/errors'

/** Send a Result as the HTTP envelope: 200 with data, or the code's status with { ok:false, error }. */
export function sendResult(reply: FastifyReply, result: Result<unknown>) {
  return reply.code(result.ok ? 200 : httpStatusOf(result.error.code)).send(result)
}

/**
 * Whatever Fastify itself rejects (malformed JSON, wrong content type, body too large) is the
 * client's doing: answer with its 4xx status and BAD_REQUEST. Only our own faults are 500.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ ok: false, error: appError('BAD_REQUEST') })
  }
  request.log.error({ err: error }, 'unexpected server error')
  return reply.code(500).send({ ok: false, error: appError('INTERNAL') })
}
