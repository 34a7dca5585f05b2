import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { MerchantCodeSchema } from '../../src/domain/merchant.schema'
import type { Deps } from '../services/context'
import { deviceIdentity, rotateDevice } from './device-identity'
import { servesShortLinks } from './static-assets'

/** Where each area of the H5 app starts (hash router). */
export const H5_ROUTES = {
  complain: (code: string) => `/#/pages/consumer/complain/index?m=${encodeURIComponent(code)}`,
  mine: '/#/pages/consumer/mine/index',
  merchantHome: '/#/pages/merchant/home/index',
  stationLogin: '/#/pages/station/login/index',
} as const

/** The short URL printed in a shop's QR code: short URLs make sparse, easily scanned codes. */
export const entryPath = (code: string) => `/s/${code}`

/** The demo clerk link: its key, and the shop a browser that opens it joins. Only in demo mode. */
export interface DemoClerk {
  key: string
  merchantId: string
  siteId: string
}

export function registerEntryRoutes(app: FastifyInstance, deps: Deps, opts: { demoClerk?: DemoClerk; secureCookies: boolean }) {
  app.get<{ Params: { code: string } }>('/s/:code', async (request, reply) => {
    // With the H5 build here, the short URL answers with the app itself: no redirect, each one a round
    // trip on a weak mall network (issue 16). index.html points its hash router at this shop's form.
    if (servesShortLinks(app)) return reply.sendFile('index.html')
    // An unknown or malformed code still goes to the app, which says 未找到该商户 in words.
    const parsed = MerchantCodeSchema.safeParse(request.params.code)
    return reply.redirect(H5_ROUTES.complain(parsed.success ? parsed.data : request.params.code.slice(0, 32)))
  })

  // Demo only (the route exists only while demo mode is on): this browser joins the demo shop as an
  // active clerk, skipping the invite and the station's approval. It keeps its own identity — the
  // link once handed every browser one shared, printed token, which anyone could plant in another
  // person's browser — and, now that it is a clerk, gets a fresh token (see device-identity.ts).
  const demo = opts.demoClerk
  if (demo) {
    app.get<{ Querystring: { key?: string } }>('/demo/clerk', async (request, reply) => {
      const [given, expected] = [Buffer.from(String(request.query.key ?? '')), Buffer.from(demo.key)]
      // byte lengths, not string lengths: 22 Chinese characters are 66 bytes, and timingSafeEqual throws on a mismatch
      const matches = given.length === expected.length && timingSafeEqual(given, expected)
      if (!matches) return reply.code(404).type('text/plain; charset=utf-8').send('未找到该演示链接')
      const who = await deviceIdentity(deps, request, reply, opts.secureCookies)
      if (who.how === 'retired') return reply.code(409).type('text/plain; charset=utf-8').send('页面身份刚刚更新，请再打开一次这个链接')
      const joined = (await deps.store.listActiveMembershipsOf(who.subject)).some((m) => m.merchantId === demo.merchantId)
      if (!joined) {
        const { merchantId, siteId } = demo
        const createdAt = deps.clock.now().toISOString()
        await deps.store.saveMembership({ id: deps.ids.newId(), merchantId, siteId, subject: who.subject, status: 'active', createdAt })
        await rotateDevice(deps, reply, who, opts.secureCookies, null)
      }
      return reply.redirect(H5_ROUTES.merchantHome)
    })
  }

  app.get('/healthz', async () => ({ ok: true }))
}
