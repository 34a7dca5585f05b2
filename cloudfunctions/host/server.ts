import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import type { Deps } from '../services/context'
import { registerApiRoutes } from './api-routes'
import { registerEntryRoutes, type DemoClerk } from './entry-routes'
import { registerEvidenceRoutes } from './evidence-routes'
import { registerExportRoutes } from './export-routes'
import { registerPublicRoutes } from './public-routes'
import { handleHttpError } from './http-errors'
import { withIdentityCache } from './identity-cache'
import { DEFAULT_RATE_LIMITS, registerRateLimits, type RateLimits } from './rate-limits'
import { registerSecurityHeaders } from './security-headers'
import { registerStaffSessionRoutes } from './staff-session-routes'
import { registerCompression, registerH5 } from './static-assets'
import type { TrustProxy } from './trust-proxy'
import type { UploadQuota } from './upload-guards'

/**
 * Request log lines without bearer secrets: a /files/<token> link opens a file for ten minutes and
 * the demo clerk link binds a device, so neither URL may be written to a log as it is.
 */
function redactedRequest(req: { method: string; url: string; ip?: string }) {
  const url = req.url.replace(/^\/files\/.*/, '/files/[redacted]').replace(/([?&]key=)[^&]*/, '$1[redacted]')
  return { method: req.method, url, remoteAddress: req.ip }
}

export interface ServerOptions {
  h5Dir?: string
  secureCookies: boolean
  loginFailureDelayMs: number
  /** demo mode only: the link that makes a browser a clerk of the demo shop */
  demoClerk?: DemoClerk
  logLevel?: string
  /** all log lines go to this file instead of the console (LOG_FILE) */
  logFile?: string
  /** the reverse proxy in front (trust-proxy.ts); false: the socket's address is the client's */
  trustProxy?: TrustProxy
  /** per minute; the defaults when unset (rate-limits.ts) */
  rateLimits?: RateLimits
  uploadQuota?: UploadQuota
  freeSpaceFloor?: { dir: string; minFreeBytes: number }
}

/** The local host: the functions over HTTP, staff sessions, QR entry links, evidence uploads and the H5 app. */
export async function buildServer(given: Deps, opts: ServerOptions): Promise<FastifyInstance> {
  // every API call reads its device token's owner and its shop bindings: kept in process (identity-cache.ts)
  const deps: Deps = { ...given, store: withIdentityCache(given.store) }
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info', serializers: { req: redactedRequest }, ...(opts.logFile ? { file: opts.logFile } : {}) },
    // a browser session is hundreds of requests: two info lines each buried the start-up URLs (issue 16).
    // One line per request at debug instead (LOG_LEVEL=debug shows them); failures still log as errors.
    // (fastify 5.12 moved the switch into a LogController: the old top-level option warns at every start)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
  })
  // logged as the reply is sent (onSend), not after it went out (onResponse): a client that has its answer
  // then finds the line written, and a shutdown right after the last answer does not lose it
  app.addHook('onSend', async (request, reply, payload) => {
    request.log.debug({ req: request, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed')
    return payload
  })
  app.setErrorHandler(handleHttpError)
  await app.register(fastifyCookie)
  // before any route: both add hooks that every route registered after them runs
  await registerCompression(app)
  await registerSecurityHeaders(app, { h5Dir: opts.h5Dir, https: opts.secureCookies })
  await registerRateLimits(app, deps, opts.rateLimits ?? DEFAULT_RATE_LIMITS)

  registerApiRoutes(app, deps, opts.secureCookies)
  registerStaffSessionRoutes(app, deps, {
    secureCookies: opts.secureCookies,
    failureDelayMs: opts.loginFailureDelayMs,
  })
  registerEntryRoutes(app, deps, { demoClerk: opts.demoClerk, secureCookies: opts.secureCookies })
  registerExportRoutes(app, deps) // exports and printed reports for staff (export-routes.ts)
  registerPublicRoutes(app, deps) // 投诉信息公示, plain HTML (public-routes.ts)
  await registerEvidenceRoutes(app, deps, {
    secureCookies: opts.secureCookies,
    uploadQuota: opts.uploadQuota,
    freeSpaceFloor: opts.freeSpaceFloor,
  })

  if (opts.h5Dir && existsSync(resolve(opts.h5Dir, 'index.html'))) {
    await registerH5(app, opts.h5Dir)
  }
  return app
}
