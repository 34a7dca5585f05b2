import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { MerchantCodeSchema } from '../../src/domain/merchant.schema'
import { DEVICE_COOKIE, deviceCookieOptions } from './device-identity'

/** Where each area of the H5 app starts (hash router). */
export const H5_ROUTES = {
  complain: (code: string) => `/#/pages/consumer/complain/index?m=${encodeURIComponent(code)}`,
  mine: '/#/pages/consumer/mine/index',
  merchantHome: '/#/pages/merchant/home/index',
  stationLogin: '/#/pages/station/login/index',
} as const

/** The short URL printed in a shop's QR code: short URLs make sparse, easily scanned codes. */
export const entryPath = (code: string) => `/s/${code}`

export function registerEntryRoutes(app: FastifyInstance, opts: { demoClerkKey?: string; secureCookies: boolean }) {
  app.get<{ Params: { code: string } }>('/s/:code', async (request, reply) => {
    // An unknown or malformed code still goes to the app, which says 未找到该商户 in words.
    const parsed = MerchantCodeSchema.safeParse(request.params.code)
    return reply.redirect(H5_ROUTES.complain(parsed.success ? parsed.data : request.params.code.slice(0, 32)))
  })

  // Demo only: turns this browser into the seeded demo merchant clerk's device. Real clerks bind
  // through a station-issued invite (a later issue).
  app.get<{ Querystring: { key?: string } }>('/demo/clerk', async (request, reply) => {
    const key = request.query.key ?? ''
    const expected = opts.demoClerkKey ?? ''
    const matches = expected.length > 0 && key.length === expected.length && timingSafeEqual(Buffer.from(key), Buffer.from(expected))
    if (!matches) return reply.code(404).type('text/plain; charset=utf-8').send('未找到该演示链接')
    reply.setCookie(DEVICE_COOKIE, expected, deviceCookieOptions(opts.secureCookies))
    return reply.redirect(H5_ROUTES.merchantHome)
  })

  app.get('/healthz', async () => ({ ok: true }))
}
