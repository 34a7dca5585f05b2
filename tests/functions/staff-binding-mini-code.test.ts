import { cloudMiniCode } from '../../cloudfunctions/adapters/wechat/cloud-mini-code'
import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import { staffFunctionWith } from '../../cloudfunctions/functions/staff/handlers'
import type { Store } from '../../cloudfunctions/ports/store'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import type { Deps } from '../../cloudfunctions/services/context'
import type { FunctionName } from '../../src/domain/api/contract'
import type { Result } from '../../src/domain/errors'
import { wxContext } from '../support/cloud-context'
import { SHOP_A, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'
import { FAKE_PNG, fakeWxacode } from '../support/fake-wxacode'

// staff.bindingMiniCode (docs/admin-pages.md): the administrator (or the station, for its site's
// proxy desks) has a fresh binding code drawn by WeChat's wxacode.getUnlimited as a mini-program code
// whose page is the binding page and whose scene is the code; scanning it binds the scanner. Called
// as CloudBase calls a function: main(event, context) with the caller's OPENID in the context.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>

describe('staff.bindingMiniCode', () => {
  let store: Store
  let deps: Deps
  const ADMIN = 'o-mini-admin'
  const wechat = fakeWxacode()
  const drawing = staffFunctionWith({ miniCode: cloudMiniCode(wechat.openapi, { log: () => undefined }) })
  const call = async (fn: FunctionName, event: object, openId: string) =>
    (await createCloudMain(FUNCTIONS[fn], async () => deps)(event, wxContext(openId))) as Result<Data>
  const draw = async (event: object, openId: string) =>
    (await createCloudMain(drawing, async () => deps)({ action: 'bindingMiniCode', ...event }, wxContext(openId))) as Result<Data>
  const must = async (fn: FunctionName, event: object, openId: string): Promise<Data> => {
    const result = await call(fn, event, openId)
    if (!result.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${result.error.code}`)
    return result.data
  }
  const codeOf = (result: Result<Data>) => (result.ok ? 'ok' : result.error.code)

  /** An account the administrator made, bound to `openId` by a code (or left unbound). */
  const account = async (username: string, role: string, siteId: string | undefined, openId?: string) => {
    const made = await must('staff', { action: 'createStaff', username, displayName: username, role, ...(siteId ? { siteId } : {}) }, ADMIN)
    if (openId) {
      const { code } = await must('staff', { action: 'issueBindingCode', staffId: made.id }, ADMIN)
      await must('staff', { action: 'bindByCode', code }, openId)
    }
    return made
  }

  let stationA: Data
  let proxyA: Data
  let stationB: Data
  beforeAll(async () => {
    process.env.FIRST_ADMIN_OPENID = ADMIN
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    stationA = await account('mini.station.a', 'station', SITE_A.id, 'o-station-a')
    proxyA = await account('mini.proxy.a', 'proxy', SITE_A.id, 'o-proxy-a')
    stationB = await account('mini.station.b', 'station', SITE_B.id)
    await account('mini.regulator', 'regulator', undefined, 'o-regulator')
    // a clerk of shop A, approved: a merchant caller
    const invite = await must('registry', { action: 'issueInvite', merchantId: SHOP_A.id }, ADMIN)
    const pending = await must('merchant', { action: 'redeemInvite', code: invite.code }, 'o-clerk')
    await must('registry', { action: 'decideMember', membershipId: pending.membershipId, approve: true }, ADMIN)
  })
  afterAll(async () => {
    delete process.env.FIRST_ADMIN_OPENID
    await store.close()
  })
  beforeEach(() => {
    wechat.calls.length = 0
  })

  it('when the administrator draws a fresh code, then WeChat is asked for the binding page with the code as scene, and scanning it binds the scanner', async () => {
    const issued = await must('staff', { action: 'issueBindingCode', staffId: stationB.id }, ADMIN)
    const drawn = await draw({ staffId: stationB.id, code: issued.code }, ADMIN)
    expect(drawn).toEqual({ ok: true, data: { contentType: 'image/png', base64: Buffer.from(FAKE_PNG).toString('base64') } })
    expect(wechat.calls).toEqual([
      { scene: issued.code, page: 'pages/staff/bind/index', checkPath: true, envVersion: 'release', width: 430 },
    ])
    // the binding page passes the scene it was opened with to bindByCode, as it does a typed code
    expect(await must('staff', { action: 'bindByCode', code: wechat.calls[0].scene }, 'o-scanner-b')).toMatchObject({
      role: 'station',
      siteName: SITE_B.name,
    })
  })

  it("when a station draws a code for its own site's proxy desk, then it may; for another site's account, not found and WeChat is never asked", async () => {
    const issued = await must('staff', { action: 'issueBindingCode', staffId: proxyA.id }, 'o-station-a')
    expect(codeOf(await draw({ staffId: proxyA.id, code: issued.code }, 'o-station-a'))).toBe('ok')
    expect(wechat.calls).toHaveLength(1)
    expect(codeOf(await draw({ staffId: stationB.id, code: issued.code }, 'o-station-a'))).toBe('STAFF_NOT_FOUND')
    expect(wechat.calls).toHaveLength(1)
  })

  it('when a proxy, a regulator, a clerk or a shopper asks, then it is refused before WeChat is asked (deny by default)', async () => {
    const issued = await must('staff', { action: 'issueBindingCode', staffId: stationA.id }, ADMIN)
    const ask = (openId: string) => draw({ staffId: stationA.id, code: issued.code }, openId)
    expect(codeOf(await ask('o-proxy-a'))).toBe('FORBIDDEN')
    expect(codeOf(await ask('o-regulator'))).toBe('FORBIDDEN')
    // no staff account at all: a staff action answers "sign in / bind first", as every one does
    expect(codeOf(await call('merchant', { action: 'getHome' }, 'o-clerk'))).toBe('ok') // a real clerk
    expect(codeOf(await ask('o-clerk'))).toBe('UNAUTHENTICATED')
    expect(codeOf(await ask('o-just-a-shopper'))).toBe('UNAUTHENTICATED')
    expect(wechat.calls).toEqual([])
  })

  it('when the account is disabled or does not exist, then STAFF_NOT_FOUND and WeChat is never asked', async () => {
    const off = await account('mini.off', 'station', SITE_A.id)
    const issued = await must('staff', { action: 'issueBindingCode', staffId: off.id }, ADMIN)
    await must('staff', { action: 'setStaffDisabled', staffId: off.id, disabled: true }, ADMIN)
    expect(codeOf(await draw({ staffId: off.id, code: issued.code }, ADMIN))).toBe('STAFF_NOT_FOUND')
    expect(codeOf(await draw({ staffId: 'no-such-account', code: issued.code }, ADMIN))).toBe('STAFF_NOT_FOUND')
    expect(wechat.calls).toEqual([])
  })

  it('when no mini-code source is wired (the local host), then MINI_CODE_UNAVAILABLE', async () => {
    const issued = await must('staff', { action: 'issueBindingCode', staffId: stationA.id }, ADMIN)
    expect(codeOf(await call('staff', { action: 'bindingMiniCode', staffId: stationA.id, code: issued.code }, ADMIN))).toBe(
      'MINI_CODE_UNAVAILABLE',
    )
  })
})
