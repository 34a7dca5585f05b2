import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { aSubmission } from '../support/builders'
import { browserLike } from '../support/http-client'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// The local host over real HTTP on loopback: device identity, the API envelope, staff sessions.
describe('local host — HTTP', () => {
  let store: Store
  let deps: Deps
  let app: FastifyInstance
  let base: string
  const clerkKey = 'DemoClerkKey0123456789'
  const submitBody = (n: number) =>
    aSubmission(SHOP_A.code, { description: '收银员多收了我二十块钱，要求退还', idempotencyKey: `http-test-key-${n}`.padEnd(16, '0') })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const now = '2026-03-10T02:00:00.000Z'
    await store.saveStaff({
      id: 's1',
      username: 'station',
      displayName: '星河站 王芳',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await deps.secrets.hashPassword('s3cret-pass'),
      createdAt: now,
    })
    const demoClerk = { key: clerkKey, merchantId: SHOP_A.id, siteId: SITE_A.id }
    app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, demoClerk, logLevel: 'silent' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  it('when a browser calls the API for the first time, then it gets an HttpOnly device cookie whose hash is its identity', async () => {
    const browser = browserLike(base)
    const submitted = await browser.post('/api/consumer', submitBody(1))
    expect(submitted.status).toBe(200)
    const cookie = browser.setCookies.find((c) => c.startsWith('ks_device='))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const token = browser.jar.get('ks_device')!
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/) // 128 bits
    const filed = await store.listCasesFiledBy(deps.secrets.hashToken(token), { limit: 10, offset: 0 })
    expect(filed.map((c) => c.caseNo)).toEqual([submitted.body.data.caseNo])
    expect(await store.listCasesFiledBy(token, { limit: 10, offset: 0 })).toEqual([]) // the raw token is never stored
  })

  it('when the same browser comes back, then its list is still there; another browser sees nothing', async () => {
    const browser = browserLike(base)
    await browser.post('/api/consumer', submitBody(2))
    const again = await browser.post('/api/consumer', { action: 'listMyCases' })
    expect(again.body.data.items).toHaveLength(1)
    expect(browser.setCookies.filter((c) => c.startsWith('ks_device='))).toHaveLength(1) // not re-issued
    const stranger = await browserLike(base).post('/api/consumer', { action: 'listMyCases' })
    expect(stranger.body).toEqual({ ok: true, data: { items: [] } })
  })

  it.each([
    ['malformed JSON', '{"action":', 'application/json', 400],
    ['an empty JSON body', '', 'application/json', 400],
    ['a JSON array', '[1,2]', 'application/json', 400],
    ['a bare string', '"listMyCases"', 'application/json', 400],
    ['a form post', 'action=listMyCases', 'application/x-www-form-urlencoded', 415],
  ])('when the body is %s, then a coded 4xx comes back, not a 500', async (_label, body, type, status) => {
    const res = await fetch(`${base}/api/consumer`, { method: 'POST', headers: { 'content-type': type }, body })
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式不正确' } })
  })

  it('when the body is larger than 1 MB, then 413 with a code', async () => {
    const res = await fetch(`${base}/api/consumer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'x', pad: 'x'.repeat(1_100_000) }),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('BAD_REQUEST')
  })

  it('when the function does not exist, then 404 UNKNOWN_FUNCTION', async () => {
    const res = await browserLike(base).post('/api/nothing', { action: 'x' })
    expect(res).toEqual({ status: 404, body: { ok: false, error: { code: 'UNKNOWN_FUNCTION', message: '没有这项服务' } } })
  })

  it('when any JSON at all is posted to any function, then the answer is never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('consumer', 'merchant', 'station'),
        fc.jsonValue(),
        fc.string(),
        fc.boolean(),
        async (fn, value, action, withAction) => {
          const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
          const body = isObject && withAction ? { ...value, action } : value
          const res = await fetch(`${base}/api/${fn}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
          expect(res.status).toBeLessThan(500)
          expect((await res.json()).ok).toBe(res.status === 200)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('when staff sign in, then an HttpOnly SameSite=Strict session opens the board, and signing out closes it', async () => {
    const desk = browserLike(base)
    const login = await desk.post('/auth/login', { username: 'station', password: 's3cret-pass' })
    expect(login).toEqual({ status: 200, body: { ok: true, data: { displayName: '星河站 王芳', role: 'station' } } })
    expect(desk.setCookies.find((c) => c.startsWith('ks_staff='))).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/)
    expect((await desk.post('/api/station', { action: 'listCases' })).body.data.siteName).toBe('星河广场')
    await desk.post('/auth/logout', {})
    expect((await desk.post('/api/station', { action: 'listCases' })).status).toBe(401)
  })

  it('when the password is wrong or the username unknown, then the same 401 LOGIN_FAILED, and no session', async () => {
    for (const username of ['station', 'nobody']) {
      const desk = browserLike(base)
      const res = await desk.post('/auth/login', { username, password: 'guess' })
      expect(res).toEqual({ status: 401, body: { ok: false, error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确' } } })
      expect(desk.jar.has('ks_staff')).toBe(false)
    }
    const empty = await browserLike(base).post('/auth/login', { username: '' })
    expect(empty.body.error.fields).toEqual({ username: '请输入用户名', password: '请输入密码' })
  })

  it("when a shop's short link is opened, then it redirects to the complaint page with the code", async () => {
    const res = await fetch(`${base}/s/wdxg26`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/#/pages/consumer/complain/index?m=WDXG26')
  })

  it('when the demo clerk link is opened with its key, then this browser becomes the clerk; a wrong key does nothing', async () => {
    const phone = browserLike(base)
    expect((await phone.request('/demo/clerk?key=WrongKey01234567890123')).status).toBe(404)
    expect(phone.jar.has('ks_device')).toBe(false)
    const res = await phone.request(`/demo/clerk?key=${clerkKey}`)
    expect(res.headers.get('location')).toBe('/#/pages/merchant/home/index')
    const home = await phone.post('/api/merchant', { action: 'getHome' })
    expect(home.body.data.merchant.name).toBe('味道小馆')
  })
})
