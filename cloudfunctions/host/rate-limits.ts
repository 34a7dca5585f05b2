import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { appError } from '../../src/domain/errors'
import type { Deps } from '../services/context'

// Guessing limits over HTTP (docs/security.md). Counted per minute in this process's memory by
// @fastify/rate-limit: a lookup is a guess at a case number and its query code, a login a guess at
// a password, a submit or an upload costs the station a review and the disk its bytes.
// Device + address: one phone behind a shared address (a mall's Wi-Fi) does not use up its
// neighbours' allowance; the address alone: a client that drops its cookie (or forges a new one
// each time) still runs into a ceiling.

export interface RateLimits {
  lookupsPerMinute: number
  loginsPerMinute: number
  submitsPerMinute: number
  uploadsPerMinute: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = { lookupsPerMinute: 10, loginsPerMinute: 20, submitsPerMinute: 10, uploadsPerMinute: 20 }

/** How many devices may share an address before its requests meet the address's own ceiling. */
const DEVICES_PER_ADDRESS = 6
const MINUTE_MS = 60_000
const DEVICE_COOKIE = 'ks_device' // the name device-identity.ts sets; read only to tell devices apart

type Limited = 'lookup' | 'login' | 'submit' | 'upload'

/** Which limit a request falls under: by route, and for the API by the action in its body. */
function limitedAs(request: FastifyRequest): Limited | null {
  if (request.method !== 'POST') return null
  const url = request.routeOptions.url
  if (url === '/auth/login') return 'login'
  if (url === '/upload/evidence') return 'upload'
  if (url !== '/api/:fn') return null
  const fn = (request.params as { fn?: unknown }).fn
  const action = (request.body as { action?: unknown } | null)?.action
  if (fn === 'consumer' && action === 'lookupCase') return 'lookup'
  if ((fn === 'consumer' && action === 'submitComplaint') || (fn === 'proxy' && action === 'fileComplaint')) return 'submit'
  return null
}

export const TOO_MANY_MESSAGES: Record<Limited, string> = {
  lookup: '查询太频繁，请稍后再试',
  login: '登录尝试太频繁，请稍后再试',
  submit: '提交太频繁，请稍后再试',
  upload: '上传太频繁，请稍后再试',
}

/** 429 in the usual envelope, with Retry-After in whole seconds. */
export function sendTooMany(reply: FastifyReply, retryAfterS: number, message: string) {
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(retryAfterS))))
    .send({ ok: false, error: { ...appError('TOO_MANY_REQUESTS'), message } })
}

export async function registerRateLimits(app: FastifyInstance, deps: Deps, limits: RateLimits) {
  await app.register(fastifyRateLimit, { global: false })
  const device = (request: FastifyRequest) => {
    const token = request.cookies[DEVICE_COOKIE]
    return token ? deps.secrets.hashToken(token) : 'none'
  }
  const perMinute: Record<Limited, number> = {
    lookup: limits.lookupsPerMinute,
    login: limits.loginsPerMinute,
    submit: limits.submitsPerMinute,
    upload: limits.uploadsPerMinute,
  }
  const checks = Object.fromEntries(
    (Object.keys(perMinute) as Limited[]).map((kind) => {
      // a login is limited by address only: the account lockout (login-lockout.ts) covers the account
      const byDevice = app.createRateLimit({
        max: perMinute[kind],
        timeWindow: MINUTE_MS,
        keyGenerator: (r) => `${kind}|${r.ip}|${kind === 'login' ? '' : device(r)}`,
      })
      const byAddress = app.createRateLimit({
        max: kind === 'login' ? perMinute[kind] : perMinute[kind] * DEVICES_PER_ADDRESS,
        timeWindow: MINUTE_MS,
        keyGenerator: (r) => `${kind}|${r.ip}`,
      })
      return [kind, kind === 'login' ? [byAddress] : [byDevice, byAddress]]
    }),
  ) as Record<Limited, ReturnType<FastifyInstance['createRateLimit']>[]>

  // preHandler: after the JSON body is parsed (the action decides), before a multipart body is read
  app.addHook('preHandler', async (request, reply) => {
    const kind = limitedAs(request)
    if (!kind) return
    for (const check of checks[kind]) {
      const verdict = await check(request)
      if (!verdict.isAllowed && verdict.isExceeded) return sendTooMany(reply, verdict.ttlInSeconds, TOO_MANY_MESSAGES[kind])
    }
  })
}
