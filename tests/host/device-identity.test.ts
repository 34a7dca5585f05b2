import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { aSubmission, unique } from '../support/builders'
import { browserLike } from '../support/http-client'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Browser identities that cannot be planted (issue 12): only tokens this host issued count, and a
// token rotates when the browser files a case or becomes a clerk. Over real HTTP on loopback, with
// two cookie jars standing for the victim's browser and the attacker's.
describe('device identity — issued, never adopted; rotated when it starts to matter', () => {
  let store: Store
  let deps: Deps
  let app: FastifyInstance
  let base: string
  const clerkKey = 'DemoClerkKey0123456789'
  const filing = (over: object = {}) =>
    aSubmission(SHOP_A.code, { name: '受害人', phone: '13912345678', idempotencyKey: unique('key').padEnd(16, '0'), ...over })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const demoClerk = { key: clerkKey, merchantId: SHOP_A.id, siteId: SITE_A.id }
    const rateLimits = { lookupsPerMinute: 1000, loginsPerMinute: 1000, submitsPerMinute: 1000, uploadsPerMinute: 1000 } // not what this suite is about
    app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, demoClerk, logLevel: 'silent', rateLimits })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  it('when a browser shows a well-formed token the host never issued, then it gets a new one and the chooser sees nothing', async () => {
    const chosen = 'Planted0Token0123456789'.slice(0, 22)
    const victim = browserLike(base)
    victim.jar.set('ks_device', chosen)
    const filed = await victim.post('/api/consumer', filing())
    expect(filed.body.ok).toBe(true)
    expect(victim.jar.get('ks_device')).not.toBe(chosen)
    expect(await store.findDeviceToken(deps.secrets.hashToken(chosen))).toBeNull() // never adopted, never stored

    const attacker = browserLike(base)
    attacker.jar.set('ks_device', chosen)
    const theirs = await attacker.post('/api/consumer', { action: 'listMyCases' })
    expect(theirs.body).toEqual({ ok: true, data: { items: [] } })
    const mine = await victim.post('/api/consumer', { action: 'listMyCases' })
    expect(mine.body.data.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([filed.body.data.caseNo])
  })

  it("when someone plants a token the host did issue, then the victim's filing retires it and the planter reads nothing", async () => {
    const attacker = browserLike(base)
    await attacker.post('/api/consumer', { action: 'listMyCases' }) // a real, issued token
    const planted = attacker.jar.get('ks_device') ?? ''
    const victim = browserLike(base)
    victim.jar.set('ks_device', planted)

    const filed = await victim.post('/api/consumer', filing())
    expect(filed.body.ok).toBe(true)
    expect(victim.jar.get('ks_device')).not.toBe(planted) // rotated with the filing

    const peek = await attacker.post('/api/consumer', { action: 'listMyCases' })
    expect(peek).toEqual({ status: 409, body: { ok: false, error: { code: 'DEVICE_ROTATED', message: expect.stringContaining('身份') } } })
    expect(JSON.stringify(await attacker.post('/api/consumer', { action: 'getMyCase', caseId: filed.body.data.caseId }))).not.toContain(
      '受害人',
    )
    expect(attacker.jar.get('ks_device')).toBe(planted) // a retired token is answered, never re-issued: no cookie to fight over
    const mine = await victim.post('/api/consumer', { action: 'getMyCase', caseId: filed.body.data.caseId })
    expect(mine.body.ok).toBe(true)
  })

  it('when a filing’s receipt was lost and the old token retries the same submission, then the same case comes back with a fresh token', async () => {
    const phone = browserLike(base)
    await phone.post('/api/consumer', { action: 'listMyCases' })
    const before = phone.jar.get('ks_device') ?? ''
    const body = filing()
    const first = await phone.post('/api/consumer', body)

    const lost = browserLike(base) // the same phone, had the Set-Cookie of the first answer been lost
    lost.jar.set('ks_device', before)
    const retried = await lost.post('/api/consumer', body)
    expect(retried.body.data.caseNo).toBe(first.body.data.caseNo)
    expect(lost.jar.get('ks_device')).not.toBe(before)
    const listed = await lost.post('/api/consumer', { action: 'listMyCases' })
    expect(listed.body.data.items).toHaveLength(1)

    const other = await lost.post('/api/consumer', { action: 'listMyCases' })
    expect(other.body.ok).toBe(true)
    const stale = browserLike(base)
    stale.jar.set('ks_device', before)
    expect((await stale.post('/api/consumer', filing())).body.error.code).toBe('DEVICE_ROTATED') // any other filing: refused
  })

  it('when a browser opens the demo clerk link, then it joins the shop as itself, keeps its cases, and its token rotates', async () => {
    const phone = browserLike(base)
    const filed = await phone.post('/api/consumer', filing())
    const token = phone.jar.get('ks_device')
    const res = await phone.request(`/demo/clerk?key=${clerkKey}`)
    expect(res.headers.get('location')).toBe('/#/pages/merchant/home/index')
    expect(phone.jar.get('ks_device')).not.toBe(token)
    const home = await phone.post('/api/merchant', { action: 'getHome' })
    expect(home.body.ok).toBe(true)
    const mine = await phone.post('/api/consumer', { action: 'listMyCases' })
    expect(mine.body.data.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([filed.body.data.caseNo])

    const other = browserLike(base)
    await other.request(`/demo/clerk?key=${clerkKey}`)
    expect(other.jar.get('ks_device')).not.toBe(phone.jar.get('ks_device')) // no shared, printed identity any more
  })

  it('when the demo key is wrong, of another length or in Chinese, then the link is not found and nothing is set', async () => {
    for (const key of ['WrongKey01234567890123', 'short', '演'.repeat(22), `${clerkKey}x`]) {
      const phone = browserLike(base)
      const res = await phone.request(`/demo/clerk?key=${encodeURIComponent(key)}`)
      expect(res.status).toBe(404)
      expect(phone.setCookies).toEqual([])
    }
  })

  it('when demo mode is off, then the demo clerk link does not exist', async () => {
    const plain = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    await plain.listen({ port: 0, host: '127.0.0.1' })
    const phone = browserLike(`http://127.0.0.1:${(plain.server.address() as AddressInfo).port}`)
    const res = await phone.request(`/demo/clerk?key=${clerkKey}`)
    expect(res.status).toBe(404)
    expect(phone.setCookies).toEqual([])
    await plain.close()
  })
})
