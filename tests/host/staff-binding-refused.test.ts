import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import { browserLike } from '../support/http-client'
import { makeDeps, openTestStore } from '../support/test-deps'

// The local host knows staff by their desk session, never by the device subject: binding a subject to
// a staff account identifies nobody here, and binding by password would be a second door for guessing
// passwords beside the desk's rate-limited, locked-out sign-in. Both are refused before anything runs.
describe('the local host refuses binding a device to a staff account', () => {
  let store: Store
  let app: FastifyInstance
  let base: string

  beforeAll(async () => {
    store = await openTestStore()
    const rateLimits = { lookupsPerMinute: 1000, loginsPerMinute: 1000, submitsPerMinute: 1000, uploadsPerMinute: 1000 }
    app = await buildServer(makeDeps(store), { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', rateLimits })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  it.each([
    ['bindByCode', { code: 'ABCD-EFGH-JKLM' }],
    ['bindByPassword', { username: 'admin', password: 'guess-0001' }],
  ])('when a browser posts staff.%s, then it is refused as an unsupported action', async (action, input) => {
    const res = await browserLike(base).post('/api/staff', { action, ...input })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('when a browser asks for its own staff bindings, then the staff function still answers (only binding is refused)', async () => {
    const res = await browserLike(base).post('/api/staff', { action: 'myBindings' })
    expect(res.body.error?.code).not.toBe('UNKNOWN_ACTION')
  })
})
