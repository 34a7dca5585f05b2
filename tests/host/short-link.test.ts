import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import { makeDeps, openTestStore } from '../support/test-deps'

// The QR poster's short URL over real HTTP (issue 16): the page itself, no redirect, so a phone on a
// weak network pays no extra round trip; and the page's icon is there (no 404 in every browser).
describe('short link and icon', () => {
  const SRC = resolve(__dirname, '../../src')
  /** src/index.html as the build writes it, less what the build fills in */
  const template = readFileSync(join(SRC, 'index.html'), 'utf8').replace(/<%[\s\S]*?%>/g, '')
  let store: Store
  const servers: FastifyInstance[] = []

  async function hostServing(indexHtml: string): Promise<string> {
    const h5 = mkdtempSync(join(tmpdir(), 'kuaisu-h5-'))
    writeFileSync(join(h5, 'index.html'), indexHtml)
    copyFileSync(join(SRC, 'favicon.svg'), join(h5, 'favicon.svg'))
    const app = await buildServer(makeDeps(store), { h5Dir: h5, secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    servers.push(app)
    await app.listen({ port: 0, host: '127.0.0.1' })
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }

  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(async () => {
    for (const app of servers) await app.close()
    await store.close()
  })

  it('when a shop poster URL is opened, then the page itself answers 200, revalidated, with no redirect', async () => {
    const base = await hostServing(template)
    const res = await fetch(`${base}/s/WDXG26`, { redirect: 'manual' })
    expect(res.status).toBe(200)
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const html = await res.text()
    expect(html).toContain('<div id="app">')
    // the page's script sends the hash router to this shop's form (run in a browser by tests/browser/short-link.browser.ts)
    expect(html).toContain("'#/pages/consumer/complain/index?m=' + m[1]")
    // and the CSP lets that inline script run
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]
    expect(res.headers.get('content-security-policy')).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`)
  })

  it('when the H5 build predates the page reading /s/<code>, then the short URL still redirects to the form', async () => {
    const base = await hostServing('<!doctype html><html><head><title>快诉</title></head><body><div id="app"></div></body></html>')
    const res = await fetch(`${base}/s/wdxg26`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/#/pages/consumer/complain/index?m=WDXG26')
  })

  it('when a browser asks for the icon the page links, then it is an SVG, cached for a day', async () => {
    const base = await hostServing(template)
    const href = /<link rel="icon" href="([^"]+)"/.exec(template)?.[1]
    expect(href).toBe('/favicon.svg')
    const res = await fetch(`${base}${href}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(await res.text()).toMatch(/^<svg /)
  })
})
