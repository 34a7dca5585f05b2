import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { lockAfter } from '../../src/domain/staff/lockout-rule'
import { buildServer, type ServerOptions } from '../../cloudfunctions/host/server'
import { inlineScriptHashes } from '../../cloudfunctions/host/security-headers'
import type { Store } from '../../cloudfunctions/ports/store'
import { browserLike } from '../support/http-client'
import { SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Item 9 of issue 12: no lockout (a flood of 64 bad logins made a real one take 12 s), ~1,250
// lookups a second, no security headers, cookies without Secure behind https.
describe('limits and headers', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  let h5Dir: string
  let checks = 0
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    const base = makeDeps(store)
    // counts password checks: the CPU a flood costs is the number of scrypt runs it causes
    deps = { ...base, secrets: { ...base.secrets, verifyPassword: (p, h) => (checks++, base.secrets.verifyPassword(p, h)) } }
    for (const username of ['station', 'proxy']) {
      await store.saveStaff({
        id: `staff-${username}`,
        username,
        displayName: '星河站 王芳',
        role: 'station',
        siteId: SITE_A.id,
        passwordHash: await base.secrets.hashPassword('s3cret-pass'),
        createdAt: deps.clock.now().toISOString(),
      })
    }
    h5Dir = mkdtempSync(join(tmpdir(), 'kuaisu-h5-'))
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><html><head><script>document.title="快诉"</script></head><body></body></html>')
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await store.close()
    rmSync(h5Dir, { recursive: true, force: true })
  })

  async function host(opts: Partial<ServerOptions> = {}) {
    const app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', h5Dir, ...opts })
    await app.listen({ port: 0, host: '127.0.0.1' })
    apps.push(app)
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }

  /** A login from another loopback address (127.0.0.0/8 is all ours on Linux): another client's IP. */
  function loginFrom(base: string, localAddress: string, body: unknown, cookie?: string) {
    const url = new URL('/auth/login', base)
    const payload = JSON.stringify(body)
    return new Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          localAddress,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(cookie ? { cookie } : {}) },
        },
        (res) => {
          let text = ''
          res.on('data', (c) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }))
        },
      )
      req.on('error', reject)
      req.end(payload)
    })
  }

  it('when any page, API answer or error is served, then it carries the CSP (frame-ancestors none, the inline script by hash), nosniff and a Referrer-Policy', async () => {
    const base = await host()
    for (const res of [
      await fetch(`${base}/`),
      await fetch(`${base}/api/consumer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${base}/no-such-page`),
    ]) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain(`script-src 'self' ${inlineScriptHashes(h5Dir)[0]}`)
      expect(csp).toContain('media-src')
      expect(csp).not.toContain('unsafe-eval')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('strict-transport-security')).toBeNull() // plain http: no HSTS
    }
    expect(inlineScriptHashes(h5Dir)).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)])
  })

  it('when a device looks cases up past its limit, then 429 TOO_MANY_REQUESTS with Retry-After and a Chinese message', async () => {
    const base = await host({ rateLimits: { lookupsPerMinute: 3, loginsPerMinute: 100, submitsPerMinute: 100, uploadsPerMinute: 100 } })
    const guesser = browserLike(base)
    await guesser.post('/api/consumer', { action: 'listMyCases' }) // a device cookie, like a real browser
    const guess = (n: number) =>
      guesser.request('/api/consumer', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'lookupCase', caseNo: `KS20260310${String(n).padStart(4, '0')}`, queryCode: '123456' }),
      })
    for (let n = 0; n < 3; n++) expect((await guess(n)).status).toBe(404)
    const refused = await guess(3)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toEqual({ ok: false, error: { code: 'TOO_MANY_REQUESTS', message: '查询太频繁，请稍后再试' } })
    // other actions of the same function are not limited by it
    expect((await guesser.post('/api/consumer', { action: 'listMyCases' })).status).toBe(200)
  })

  it('when an account fails 5 times, then it is locked 1 minute (429, no password check, even the right one), doubling per failure to at most 1 hour; a success resets', async () => {
    const base = await host()
    const wrong = { username: 'station', password: 'guess-1234' }
    const right = { username: 'station', password: 's3cret-pass' }
    for (let i = 0; i < 5; i++) expect((await loginFrom(base, '127.0.0.3', wrong)).status).toBe(401)
    const before = checks
    const locked = await loginFrom(base, '127.0.0.4', right) // another address, the right password
    expect(locked).toEqual({
      status: 429,
      body: { ok: false, error: { code: 'TOO_MANY_REQUESTS', message: '登录失败次数太多，请 1 分钟后再试' } },
    })
    expect(checks).toBe(before) // answered without scrypt
    deps.clock.advance(61_000)
    expect((await loginFrom(base, '127.0.0.4', wrong)).status).toBe(401) // the 6th failure: 2 minutes
    deps.clock.advance(61_000)
    expect((await loginFrom(base, '127.0.0.4', right)).status).toBe(429)
    deps.clock.advance(60_000)
    expect((await loginFrom(base, '127.0.0.4', right)).status).toBe(200)
    expect((await loginFrom(base, '127.0.0.4', wrong)).status).toBe(401) // reset: a failure is one of five again
    expect((await loginFrom(base, '127.0.0.4', right)).status).toBe(200)
    expect([4, 5, 6, 7, 11, 12, 40].map(lockAfter)).toEqual([0, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000])
  })

  it('when one address sprays wrong passwords at many accounts, then the address is locked after 5', async () => {
    const base = await host()
    for (let i = 0; i < 5; i++) expect((await loginFrom(base, '127.0.0.5', { username: `nobody-${i}`, password: 'x' })).status).toBe(401)
    expect((await loginFrom(base, '127.0.0.5', { username: 'proxy', password: 's3cret-pass' })).status).toBe(429)
    expect((await loginFrom(base, '127.0.0.6', { username: 'proxy', password: 's3cret-pass' })).status).toBe(200)
  })

  it('when 64 wrong logins flood an account in parallel, then at most 5 passwords are checked, and its owner signs in from a browser that signed in before', async () => {
    deps.clock.advance(24 * 3_600_000) // a new day: earlier tests' records are forgotten
    const base = await host()
    const owner = await loginFrom(base, '127.0.0.7', { username: 'proxy', password: 's3cret-pass' })
    expect(owner.status).toBe(200)
    const ownerBrowser = browserLike(base)
    await ownerBrowser.post('/auth/login', { username: 'proxy', password: 's3cret-pass' })
    const known = `ks_staff_device=${ownerBrowser.jar.get('ks_staff_device')}`
    expect(ownerBrowser.setCookies.find((c) => c.startsWith('ks_staff_device='))).toMatch(
      /HttpOnly.*Path=\/auth\/login|Path=\/auth\/login.*HttpOnly/,
    )

    const before = checks
    const flood = Array.from({ length: 64 }, (_, i) => loginFrom(base, '127.0.0.8', { username: 'proxy', password: `wrong-${i}` }))
    const during = loginFrom(base, '127.0.0.9', { username: 'proxy', password: 's3cret-pass' }, known)
    const answers = await Promise.all(flood)
    expect((await during).status).toBe(200)
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(59)
    expect(checks - before).toBeLessThanOrEqual(5 + 1) // the flood's five, and the owner's
    // without the cookie the account is locked for now, by design: answered at once
    expect((await loginFrom(base, '127.0.0.10', { username: 'proxy', password: 's3cret-pass' })).status).toBe(429)
  })

  it('when PUBLIC_URL is https, then cookies are Secure and HSTS is sent; on http they are not', async () => {
    expect(parseHostConfig({ PUBLIC_URL: 'https://ks.example.cn' })).toMatchObject({ ok: true, config: { cookieSecure: true } })
    expect(parseHostConfig({ PUBLIC_URL: 'http://192.168.1.5:8080' })).toMatchObject({ ok: true, config: { cookieSecure: false } })
    expect(parseHostConfig({})).toMatchObject({ ok: true, config: { cookieSecure: false } })
    const base = await host({ secureCookies: true })
    const browser = browserLike(base)
    await browser.post('/api/consumer', { action: 'listMyCases' })
    const res = await browser.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'station', password: 's3cret-pass' }),
    })
    expect(res.status).toBe(200)
    const cookies = browser.setCookies
    expect(cookies.length).toBeGreaterThanOrEqual(3) // device, staff session, known device
    for (const c of cookies) expect(c).toMatch(/; Secure/)
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/)
  })

  it('when NODE_ENV is production, then demo data is off by default, and asking for it stops the process with a sentence', () => {
    expect(parseHostConfig({ NODE_ENV: 'production' })).toMatchObject({ ok: true, config: { seedDemo: false } })
    expect(parseHostConfig({})).toMatchObject({ ok: true, config: { seedDemo: true } })
    expect(parseHostConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^SEED_DEMO="true"：生产环境（NODE_ENV=production）不能写入演示数据/)],
    })
  })
})
