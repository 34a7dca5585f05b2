import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import { precompress } from '../../scripts/precompress-files'
import type { Store } from '../../cloudfunctions/ports/store'
import { makeDeps, openTestStore } from '../support/test-deps'

// The H5 app over real HTTP: compressed for whoever accepts it, hashed chunks cached for a year and
// never revalidated, index.html always revalidated (a new release shows at the next load).
describe('H5 assets — compression and caching', () => {
  let store: Store
  let app: FastifyInstance
  let port: number
  let h5: string
  const script = `/* the app */\n${'window.__kuaisu = (window.__kuaisu || 0) + 1;\n'.repeat(400)}`
  const pageScript = `/* a page */\n${'window.__page = [window.__page, Math.random()];\n'.repeat(300)}`

  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'kuaisu-h5-'))
    mkdirSync(join(h5, 'js'))
    writeFileSync(join(h5, 'index.html'), '<!doctype html><html><head><title>快诉</title></head><body><div id="app"></div></body></html>')
    writeFileSync(join(h5, 'js', 'app.3f2a1b9c.js'), script)
    // a chunk the build compressed (scripts/precompress-files.ts); app.3f2a1b9c.js above has no copies
    writeFileSync(join(h5, 'js', 'page.7c1d2e3f.js'), pageScript)
    precompress(join(h5, 'js'), /^page\./)
    store = await openTestStore()
    app = await buildServer(makeDeps(store), { h5Dir: h5, secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  /** node:http, not fetch: fetch would decompress silently and hide what went over the wire. */
  const get = (path: string, encoding?: string) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
      const req = request({ port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', fail)
      req.end()
    })

  it('when a phone that accepts brotli asks for a hashed chunk, then it comes compressed and cached for a year as immutable', async () => {
    const res = await get('/js/app.3f2a1b9c.js', 'br, gzip')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.body.length).toBeLessThan(script.length / 5)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('when a client accepts only gzip, then it gets gzip; when it accepts nothing, then the plain bytes', async () => {
    const gz = await get('/js/app.3f2a1b9c.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    const plain = await get('/js/app.3f2a1b9c.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('when a chunk was compressed at build time, then its brotli and gzip copies are sent as they are', async () => {
    const h5js = (name: string) => readFileSync(join(h5, 'js', name))
    const br = await get('/js/page.7c1d2e3f.js', 'br, gzip')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.equals(h5js('page.7c1d2e3f.js.br'))).toBe(true) // quality 11, not re-compressed at 5
    expect(brotliDecompressSync(br.body).toString()).toBe(pageScript)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/accept-encoding/i) // a cache in front must not hand the brotli copy to everyone
    const gz = await get('/js/page.7c1d2e3f.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.body.equals(h5js('page.7c1d2e3f.js.gz'))).toBe(true)
    expect((await get('/js/page.7c1d2e3f.js')).body.toString()).toBe(pageScript)
  })

  it('when the page itself is asked for, then it is revalidated every time, so a release shows at the next load', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(path, 'br')
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })
})
