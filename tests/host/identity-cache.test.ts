import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { countInto, countRoundTrips, noRoundTrips, type RoundTrips } from '../../cloudfunctions/adapters/sql/query-counter'
import { cachedIdentity, IDENTITY_CACHE_TTL_MS } from '../../cloudfunctions/host/identity-cache'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Membership } from '../../cloudfunctions/ports/records'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { aSubmission, unique } from '../support/builders'
import { browserLike } from '../support/http-client'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// The host keeps a device token's owner and a subject's active shop bindings in memory for a few
// seconds (host/identity-cache.ts). What this process changes must count on the very next request;
// what another process changes, once the TTL has passed. Real PGlite; the clock is injected.
describe('identity cache — this process’s changes at once, another’s after the TTL', () => {
  let store: Store
  let deps: Deps
  let app: FastifyInstance
  let base: string
  let trips: RoundTrips = noRoundTrips()
  const hashOf = (token: string | undefined) => deps.secrets.hashToken(token ?? '')

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    await store.saveStaff({
      id: 'cache-station',
      username: 'station',
      displayName: '星河站 王芳',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await deps.secrets.hashPassword('s3cret-pass'),
      createdAt: deps.clock.now().toISOString(),
    })
    const unlimited = { lookupsPerMinute: 1e6, loginsPerMinute: 1e6, submitsPerMinute: 1e6, uploadsPerMinute: 1e6 }
    app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', rateLimits: unlimited })
    app.addHook('onRequest', (_request, _reply, done) => countInto((trips = noRoundTrips()), done))
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  describe('over HTTP, one host', () => {
    it('when a browser calls again, then neither its token nor its shop bindings are read from the database', async () => {
      const phone = browserLike(base)
      await phone.post('/api/consumer', { action: 'listMyCases' }) // issued
      await phone.post('/api/consumer', { action: 'listMyCases' })
      expect(trips.statements.filter((s) => /device_tokens|merchant_members/.test(s))).toEqual([])
    })

    it('when a filing rotates the token it was just read for, then the old token is refused on the next request', async () => {
      const phone = browserLike(base)
      await phone.post('/api/consumer', { action: 'listMyCases' })
      await phone.post('/api/consumer', { action: 'listMyCases' }) // the token is now in memory
      const old = phone.jar.get('ks_device')
      const filed = await phone.post('/api/consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('key').padEnd(16, '0') }))
      expect(filed.body.ok).toBe(true)
      expect(phone.jar.get('ks_device')).not.toBe(old)

      const thief = browserLike(base)
      thief.jar.set('ks_device', old ?? '')
      expect((await thief.post('/api/consumer', { action: 'listMyCases' })).body.error.code).toBe('DEVICE_ROTATED')
      const mine = await phone.post('/api/consumer', { action: 'listMyCases' })
      expect(mine.body.data.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([filed.body.data.caseNo])
    })

    it('when the station approves and then revokes a clerk, then the clerk’s very next request has the shop, then has lost it', async () => {
      const desk = browserLike(base)
      expect((await desk.post('/auth/login', { username: 'station', password: 's3cret-pass' })).status).toBe(200)
      const clerk = browserLike(base)
      const home = () => clerk.post('/api/merchant', { action: 'getHome' })
      expect((await home()).body.ok).toBe(false) // no shop yet, and that answer is now in memory

      const invite = await desk.post('/api/registry', { action: 'issueInvite', merchantId: SHOP_A.id })
      const pending = await clerk.post('/api/merchant', { action: 'redeemInvite', code: invite.body.data.code })
      const membershipId: string = pending.body.data.membershipId
      expect((await home()).body.ok).toBe(false) // pending
      expect((await desk.post('/api/registry', { action: 'decideMember', membershipId, approve: true })).status).toBe(200)
      expect((await home()).body.ok).toBe(true)
      expect((await home()).body.ok).toBe(true) // from memory now
      expect(trips.statements.filter((s) => /merchant_members/.test(s))).toEqual([])

      expect((await desk.post('/api/registry', { action: 'revokeMember', membershipId })).status).toBe(200)
      expect((await home()).body.ok).toBe(false)
    })
  })

  describe('two processes on one database (two caches, one clock)', () => {
    let t = 0
    const now = () => t
    const clerkBinding = (subject: string, status: Membership['status']): Membership => ({
      id: `binding-${subject}`,
      merchantId: SHOP_A.id,
      siteId: SITE_A.id,
      subject,
      status,
      createdAt: deps.clock.now().toISOString(),
    })

    it('when the other process revokes a clerk, then this one answers from memory until the TTL has passed, and then sees it', async () => {
      const [here, there] = [cachedIdentity(store, { now }), cachedIdentity(store, { now })]
      await store.saveMembership(clerkBinding('clerk-two-processes', 'active'))
      expect(await here.listActiveMembershipsOf('clerk-two-processes')).toHaveLength(1)

      await there.saveMembership(clerkBinding('clerk-two-processes', 'revoked'))
      expect(await there.listActiveMembershipsOf('clerk-two-processes')).toEqual([]) // its own change: at once
      t += IDENTITY_CACHE_TTL_MS - 1
      expect(await here.listActiveMembershipsOf('clerk-two-processes')).toHaveLength(1) // bounded staleness
      t += 1
      expect(await here.listActiveMembershipsOf('clerk-two-processes')).toEqual([])
    })

    it('when the other process rotates a token, then this one accepts the old token until the TTL has passed, and then refuses it', async () => {
      const [here, there] = [cachedIdentity(store, { now }), cachedIdentity(store, { now })]
      const [old, next] = [hashOf(deps.secrets.newToken()), hashOf(deps.secrets.newToken())]
      await store.recordDevice('device-two-processes', deps.clock.now().toISOString())
      await store.issueDeviceToken(old, 'device-two-processes', deps.clock.now().toISOString())
      expect(await here.findDeviceToken(old)).toMatchObject({ subject: 'device-two-processes', retiredAt: null })
      expect(await there.findDeviceToken(old)).toMatchObject({ retiredAt: null })

      await there.rotateDeviceToken(old, next, deps.clock.now().toISOString(), null)
      expect(await there.findDeviceToken(old)).toMatchObject({ retiredAt: expect.any(String) }) // its own change: at once
      expect(await there.findDeviceToken(next)).toMatchObject({ subject: 'device-two-processes', retiredAt: null })
      t += IDENTITY_CACHE_TTL_MS - 1
      expect(await here.findDeviceToken(old)).toMatchObject({ retiredAt: null })
      t += 1
      expect(await here.findDeviceToken(old)).toMatchObject({ subject: 'device-two-processes', retiredAt: expect.any(String) })
    })

    it('when a read began before a revocation and answers after it, then its answer is handed over but not kept', async () => {
      await store.saveMembership(clerkBinding('clerk-overlap', 'active'))
      let read!: () => void
      let release!: () => void
      const hasRead = new Promise<void>((r) => (read = r))
      const released = new Promise<void>((r) => (release = r))
      const slow: Store = {
        ...store,
        async listActiveMembershipsOf(subject) {
          const rows = await store.listActiveMembershipsOf(subject)
          read()
          await released // the answer travels back slowly, after the revocation below has committed
          return rows
        },
      }
      const cache = cachedIdentity(slow, { now })
      const overlapping = cache.listActiveMembershipsOf('clerk-overlap')
      await hasRead
      await cache.saveMembership(clerkBinding('clerk-overlap', 'revoked'))
      release()
      expect(await overlapping).toHaveLength(1) // read before the revocation: an answer of its time
      expect(await cache.listActiveMembershipsOf('clerk-overlap')).toEqual([])
    })

    it('when more subjects are read than the cache holds, then the least recently used one is read from the database again', async () => {
      const cache = cachedIdentity(store, { now, maxEntries: 2 })
      const reads = async (subject: string) =>
        (await countRoundTrips(() => cache.listActiveMembershipsOf(subject))).trips.statements.filter((s) => /merchant_members/.test(s))
          .length
      expect(await reads('lru-a')).toBe(1)
      expect(await reads('lru-b')).toBe(1)
      expect(await reads('lru-a')).toBe(0) // a is now the most recently used
      expect(await reads('lru-c')).toBe(1) // evicts b
      expect(await reads('lru-a')).toBe(0)
      expect(await reads('lru-b')).toBe(1)
    })
  })
})
