import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { buildServer } from '../../cloudfunctions/host/server'
import type { TrustProxy } from '../../cloudfunctions/host/trust-proxy'
import type { Store } from '../../cloudfunctions/ports/store'
import { SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// A host behind a reverse proxy: every request comes from the proxy's address (here loopback), and
// the client's is in X-Forwarded-For. The login lockout keys on the client's address — so a
// stranger's wrong passwords lock out the stranger, not every station desk behind the same proxy.
describe('behind a reverse proxy (TRUST_PROXY)', () => {
  let store: Store
  const apps: FastifyInstance[] = []
  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    const deps = makeDeps(store)
    await store.saveStaff({
      id: 'staff-desk',
      username: 'desk',
      displayName: '星河站 值班',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await deps.secrets.hashPassword('s3cret-pass'),
      createdAt: deps.clock.now().toISOString(),
    })
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await store.close()
  })

  async function host(trustProxy: TrustProxy) {
    const app = await buildServer(makeDeps(store), { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', trustProxy })
    await app.listen({ port: 0, host: '127.0.0.1' })
    apps.push(app)
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    return (client: string, password: string) =>
      fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ username: `nobody-${password}`.slice(0, 20), password }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }))
  }

  it('when the proxy is named, then one client spraying wrong passwords is locked out and another client is not', async () => {
    const login = await host(['127.0.0.1'])
    for (let i = 0; i < 5; i++) expect((await login('203.0.113.5', `wrong-${i}`)).status).toBe(401)
    expect((await login('203.0.113.5', 'wrong-5')).status).toBe(429)
    expect((await login('198.51.100.7', 'wrong-6')).status).toBe(401) // judged on its own record: not locked
  })

  it('when no proxy is named, then the header is ignored: a client cannot pick its own address to dodge the lockout', async () => {
    const login = await host(false)
    for (let i = 0; i < 5; i++) expect((await login(`192.0.2.${i}`, `guess-${i}`)).status).toBe(401)
    expect((await login('192.0.2.99', 'guess-5')).status).toBe(429) // all one address: the socket's
  })

  it('when TRUST_PROXY is read at boot, then addresses and networks are taken and anything else is refused in Chinese', () => {
    const trust = (TRUST_PROXY?: string) => {
      const parsed = parseHostConfig(TRUST_PROXY === undefined ? {} : { TRUST_PROXY })
      return parsed.ok ? parsed.config.trustProxy : parsed.problems.join()
    }
    expect(trust()).toBe(false)
    expect(trust('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1'])
    expect(trust('true')).toMatch(/反向代理的地址或网段/) // trusting everyone would let any client choose its address
    expect(trust('10.0.0.0/33')).toMatch(/反向代理的地址或网段/)
  })
})
