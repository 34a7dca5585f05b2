import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { httpStatusOf } from '../../src/domain/errors'
import type { Deps } from '../services/context'
import { PUBLIC_CACHE_TTL_MS, publicRecords } from '../services/public-records'
import { publicPageHtml } from './public-page-html'

// GET /public/<siteId>: 投诉信息公示 as a page anyone can open without the app (docs/public-records.md).
// The view comes from the service's in-process cache (a minute); browsers and proxies may keep the
// page as long, and come back with If-None-Match to get a 304 for an unchanged page.

const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/

export function registerPublicRoutes(app: FastifyInstance, deps: Deps) {
  app.get<{ Params: { siteId: string } }>('/public/:siteId', async (request, reply) => {
    const { siteId } = request.params
    const result = SITE_ID.test(siteId) ? await publicRecords(deps, siteId) : null
    if (!result?.ok) {
      const status = result ? httpStatusOf(result.error.code) : 404
      return reply.code(status).type('text/plain; charset=utf-8').send('未找到该站点的投诉信息公示')
    }
    const html = publicPageHtml(result.data)
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`
    reply.header('Cache-Control', `public, max-age=${PUBLIC_CACHE_TTL_MS / 1000}`).header('ETag', etag)
    if (request.headers['if-none-match'] === etag) return reply.code(304).send()
    return reply.type('text/html; charset=utf-8').send(html)
  })
}
