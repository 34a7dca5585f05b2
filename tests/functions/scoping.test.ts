import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import type { Store } from '../../cloudfunctions/ports/store'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import type { Deps } from '../../cloudfunctions/services/context'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { aSubmission } from '../support/builders'
import { SHOP_A, SHOP_B, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Object-level rules: a clerk sees only their shop, a station only its site, a regulator everything.
describe('merchant and station functions — who sees which cases', () => {
  let store: Store
  let deps: Deps
  const call = async (fn: 'consumer' | 'merchant' | 'station', event: object, who: PlatformIdentity) =>
    dispatch(FUNCTIONS[fn], event, { caller: await resolveCaller(deps, who), deps })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const now = '2026-03-10T02:00:00.000Z'
    await store.saveMembership({
      id: 'm1',
      merchantId: SHOP_A.id,
      siteId: SHOP_A.siteId,
      subject: 'clerk-a',
      status: 'active',
      createdAt: now,
    })
    await store.saveMembership({
      id: 'm2',
      merchantId: SHOP_B.id,
      siteId: SHOP_B.siteId,
      subject: 'clerk-b',
      status: 'active',
      createdAt: now,
    })
    const hash = await deps.secrets.hashPassword('correct horse')
    await store.saveStaff({
      id: 's1',
      username: 'station-a',
      displayName: '星河站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: hash,
      createdAt: now,
    })
    await store.saveStaff({
      id: 's2',
      username: 'reg',
      displayName: '监管所',
      role: 'regulator',
      siteId: null,
      passwordHash: hash,
      createdAt: now,
    })
    await store.saveStaff({
      id: 's3',
      username: 'proxy-a',
      displayName: '代办点',
      role: 'proxy',
      siteId: SITE_A.id,
      passwordHash: hash,
      createdAt: now,
    })
    const text = '买的耳机一周就坏了，要求换货处理'
    await call('consumer', aSubmission(SHOP_A.code, { description: `A店：${text}` }), { subject: 'shopper' })
    await call('consumer', aSubmission(SHOP_B.code, { description: `B店：${text}` }), { subject: 'shopper' })
  })
  afterAll(() => store.close())

  const sessionOf = async (username: string) => {
    const login = await loginStaff(deps, username, 'correct horse')
    if (!login.ok) throw new Error(login.error.code)
    return login.data.token
  }

  it("when a clerk opens the merchant home, then only their own shop's cases are there", async () => {
    const a = await call('merchant', { action: 'getHome' }, { subject: 'clerk-a' })
    const body = JSON.stringify(a)
    expect(a.ok).toBe(true)
    expect(body).toContain('味道小馆')
    expect(body).toContain('A店')
    expect(body).not.toContain('B店')
    expect(body).not.toContain('滨江')
  })

  it('when an unbound device or a revoked clerk asks for a merchant home, then FORBIDDEN', async () => {
    expect(await call('merchant', { action: 'getHome' }, { subject: 'shopper' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await store.saveMembership({
      id: 'm2',
      merchantId: SHOP_B.id,
      siteId: SHOP_B.siteId,
      subject: 'clerk-b',
      status: 'revoked',
      createdAt: '2026-03-10T02:00:00.000Z',
    })
    expect(await call('merchant', { action: 'getHome' }, { subject: 'clerk-b' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it("when station staff open the board, then they see their site's cases only", async () => {
    const board = await call('station', { action: 'listCases' }, { staffSessionToken: await sessionOf('station-a') })
    expect(board).toMatchObject({ ok: true, data: { siteName: '星河广场' } })
    expect(JSON.stringify(board)).toContain('A店')
    expect(JSON.stringify(board)).not.toContain('B店')
  })

  it('when the regulator opens the board, then every site is there', async () => {
    const board = await call('station', { action: 'listCases' }, { staffSessionToken: await sessionOf('reg') })
    expect(board.ok && (board.data as { items: unknown[] }).items).toHaveLength(2)
  })

  it('when a proxy helper or a shopper asks for the board, then FORBIDDEN / UNAUTHENTICATED', async () => {
    const proxy = await call('station', { action: 'listCases' }, { subject: 'p', staffSessionToken: await sessionOf('proxy-a') })
    expect(proxy).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('station', { action: 'listCases' }, { subject: 'shopper' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(await call('station', { action: 'listCases' }, { staffSessionToken: 'forged-token' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('when a session has expired, then it no longer counts', async () => {
    const token = await sessionOf('station-a')
    deps.clock.now = () => new Date('2026-03-11T02:00:00Z') // 24 h later; sessions last 12 h
    try {
      expect(await call('station', { action: 'me' }, { staffSessionToken: token })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    } finally {
      deps.clock.now = () => new Date('2026-03-10T02:00:00Z')
    }
  })

  it('when a password is wrong or the user unknown, then the same LOGIN_FAILED comes back', async () => {
    expect(await loginStaff(deps, 'station-a', 'wrong')).toEqual({
      ok: false,
      error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确' },
    })
    expect(await loginStaff(deps, 'nobody', 'wrong')).toEqual({ ok: false, error: { code: 'LOGIN_FAILED', message: '用户名或密码不正确' } })
  })

  it('when a handler fails unexpectedly, then the caller gets INTERNAL and the fault is logged', async () => {
    const errors: string[] = []
    const broken = {
      name: 'merchant' as const,
      handlers: {
        getHome: async () => {
          throw new Error('disk on fire')
        },
      },
    }
    const result = await dispatch(
      broken,
      { action: 'getHome' },
      { caller: await resolveCaller(deps, { subject: 'clerk-a' }), deps },
      {
        error: (message) => errors.push(message),
      },
    )
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } })
    expect(errors).toEqual(['[merchant.getHome] unexpected failure'])
  })
})
