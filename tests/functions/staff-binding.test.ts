import { FUNCTIONS } from '../../cloudfunctions/functions/all-functions'
import type { Store } from '../../cloudfunctions/ports/store'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import type { Deps } from '../../cloudfunctions/services/context'
import { FIRST_ADMIN_ID, issueFirstAdminSetupCode } from '../../cloudfunctions/services/first-admin'
import { resolveCaller } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { dispatch } from '../../cloudfunctions/runtime/dispatch'
import type { FunctionName } from '../../src/domain/api/contract'
import type { Result } from '../../src/domain/errors'
import { aSubmission } from '../support/builders'
import { wxContext } from '../support/cloud-context'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// Staff identified by their WeChat OPENID (issue 15), called the way CloudBase calls a function:
// main(event, context) with the OPENID in the context — nothing in the event says who calls. Runs on
// PGlite (npm test) and on the CloudBase loopback (npm run test:cloudbase).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>

describe('staff bound to an OPENID — the OPENID alone is the staff member', () => {
  let store: Store
  let deps: Deps & { clock: { advance(ms: number): void } }
  const ROOT = 'o-root-admin-openid'
  const call = async (fn: FunctionName, event: object, openId: string) =>
    (await createCloudMain(FUNCTIONS[fn], async () => deps)(event, wxContext(openId))) as Result<Data>
  const must = async (fn: FunctionName, event: object, openId: string): Promise<Data> => {
    const result = await call(fn, event, openId)
    if (!result.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${result.error.code}`)
    return result.data
  }
  const codeOf = (result: Result<Data>) => (result.ok ? 'ok' : result.error.code)

  /** An account made by the administrator, and a binding code for it. */
  const accountWithCode = async (over: Data) => {
    const account = await must('staff', { action: 'createStaff', displayName: '测试员', ...over }, ROOT)
    const issued = await must('staff', { action: 'issueBindingCode', staffId: account.id }, ROOT)
    return { account, code: issued.code as string }
  }

  beforeAll(async () => {
    process.env.FIRST_ADMIN_OPENID = ROOT
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    await must('consumer', aSubmission(SHOP_A.code, { description: 'A店：买的耳机一周就坏了，要求换货处理' }), 'o-shopper')
    await must('consumer', aSubmission(SHOP_B.code, { description: 'B店：买的耳机一周就坏了，要求换货处理' }), 'o-shopper')
  })
  afterAll(async () => {
    delete process.env.FIRST_ADMIN_OPENID
    await store.close()
  })

  it('when the FIRST_ADMIN_OPENID calls, then it is the administrator, who creates a site, a station account and a merchant — and reads no case', async () => {
    const site = await must('staff', { action: 'saveSite', name: '新城广场', address: '新城路1号', hotline: '0571-88880000' }, ROOT)
    const station = await must(
      'staff',
      { action: 'createStaff', username: 'xc.station', displayName: '新城站 张', role: 'station', siteId: site.id },
      ROOT,
    )
    expect(station).toMatchObject({ role: 'station', siteId: site.id, disabled: false })
    const shop = await must(
      'registry',
      {
        action: 'saveMerchant',
        siteId: site.id,
        name: '新城小吃',
        uscc: '91330106MA2K00001K',
        industry: '食品',
        address: '新城路1号',
        booth: 'A1',
      },
      ROOT,
    )
    expect(shop).toMatchObject({ created: true, merchant: { siteId: site.id, name: '新城小吃' } })
    expect(await must('station', { action: 'me' }, ROOT)).toEqual({ displayName: '管理员', role: 'admin', siteName: null })
    expect(codeOf(await call('station', { action: 'listCases' }, ROOT))).toBe('FORBIDDEN')
    expect(codeOf(await call('station', { action: 'getCase', caseId: 'any' }, ROOT))).toBe('FORBIDDEN')
    const log = await store.listStaffBindingLog(FIRST_ADMIN_ID)
    expect(log).toEqual([expect.objectContaining({ action: 'bind', subject: ROOT, via: 'bootstrap', actor: 'FIRST_ADMIN_OPENID' })])
  })

  it('when the first administrator exists, then FIRST_ADMIN_OPENID is ignored: another OPENID named there is nobody', async () => {
    await must('staff', { action: 'myBindings' }, ROOT) // the first administrator exists (bootstrapped above, or now)
    process.env.FIRST_ADMIN_OPENID = 'o-latecomer'
    try {
      expect(codeOf(await call('staff', { action: 'saveSite', name: '冒名站' }, 'o-latecomer'))).toBe('UNAUTHENTICATED')
    } finally {
      process.env.FIRST_ADMIN_OPENID = ROOT
    }
  })

  it("when cloud:bootstrap's setup code is entered, then that OPENID too is the administrator, and the code serves once", async () => {
    await must('staff', { action: 'myBindings' }, ROOT) // the first administrator exists
    const setup = await issueFirstAdminSetupCode(deps)
    expect(setup).toMatchObject({ existed: true, activeBindings: 1 })
    expect(await must('staff', { action: 'bindByCode', code: setup.code }, 'o-second-admin')).toMatchObject({
      role: 'admin',
      siteName: null,
    })
    expect(await must('staff', { action: 'saveSite', name: '第二管理员建的站' }, 'o-second-admin')).toMatchObject({
      name: '第二管理员建的站',
    })
    expect(codeOf(await call('staff', { action: 'bindByCode', code: setup.code }, 'o-third'))).toBe('BINDING_CODE_INVALID')
    const log = await store.listStaffBindingLog(FIRST_ADMIN_ID)
    expect(log.slice(-2).map((e) => [e.action, e.via, e.actor])).toEqual([
      ['issue-code', 'bootstrap', 'cloud:bootstrap'],
      ['bind', 'code', 'o-second-admin'],
    ])
  })

  it('when an administrator with a password signs in on the desk, then the same provisioning works there, and a disabled one cannot sign in', async () => {
    const desk = await must(
      'staff',
      { action: 'createStaff', username: 'desk.admin', displayName: '桌面管理员', role: 'admin', password: 'desk-admin-pass' },
      ROOT,
    )
    const login = await loginStaff(deps, 'desk.admin', 'desk-admin-pass')
    if (!login.ok) throw new Error(login.error.code)
    const onDesk = async (fn: FunctionName, event: object) =>
      (await dispatch(FUNCTIONS[fn], event, {
        caller: await resolveCaller(deps, { staffSessionToken: login.data.token }),
        deps,
      })) as Result<Data>
    expect(await onDesk('staff', { action: 'saveSite', name: '桌面建的站' })).toMatchObject({ ok: true, data: { name: '桌面建的站' } })
    await must('staff', { action: 'setStaffDisabled', staffId: desk.id, disabled: true }, ROOT)
    expect(codeOf(await onDesk('staff', { action: 'saveSite', name: '停用后' }))).toBe('UNAUTHENTICATED')
    expect(codeOf(await loginStaff(deps, 'desk.admin', 'desk-admin-pass'))).toBe('LOGIN_FAILED')
  })

  it("when a station account's code is redeemed, then that OPENID alone is the station of site A: A's cases only, B's case not found", async () => {
    const { account, code } = await accountWithCode({ username: 'a.station', role: 'station', siteId: SITE_A.id })
    expect(codeOf(await call('station', { action: 'listCases' }, 'o-wang'))).toBe('UNAUTHENTICATED')
    const bound = await must('staff', { action: 'bindByCode', code }, 'o-wang')
    expect(bound).toMatchObject({ role: 'station', siteName: SITE_A.name, displayName: '测试员' })
    expect(await must('station', { action: 'me' }, 'o-wang')).toEqual({ displayName: '测试员', role: 'station', siteName: SITE_A.name })
    const board = await must('station', { action: 'listCases', scope: 'all' }, 'o-wang')
    expect(board.items.map((i: Data) => i.merchantName)).toEqual([SHOP_A.name])
    const bCase = (await must('station', { action: 'listCases', scope: 'all' }, await regulatorOpenId())).items.find(
      (i: Data) => i.merchantName === SHOP_B.name,
    )
    expect(codeOf(await call('station', { action: 'getCase', caseId: bCase.id }, 'o-wang'))).toBe('CASE_NOT_FOUND')
    expect((await store.listStaffBindingLog(account.id)).map((e) => [e.action, e.via, e.subject])).toEqual([
      ['account-created', 'admin', null],
      ['issue-code', 'admin', null],
      ['bind', 'code', 'o-wang'],
    ])
  })

  let regulator: string | null = null
  const regulatorOpenId = async () => {
    if (regulator) return regulator
    const { code } = await accountWithCode({ username: 'city.regulator', role: 'regulator' })
    await must('staff', { action: 'bindByCode', code }, 'o-regulator')
    return (regulator = 'o-regulator')
  }

  it('when a used code is redeemed again, then it is refused and that OPENID stays nobody', async () => {
    const { code } = await accountWithCode({ username: 'once.station', role: 'station', siteId: SITE_A.id })
    await must('staff', { action: 'bindByCode', code }, 'o-first-phone')
    expect(codeOf(await call('staff', { action: 'bindByCode', code }, 'o-second-phone'))).toBe('BINDING_CODE_INVALID')
    expect(codeOf(await call('station', { action: 'me' }, 'o-second-phone'))).toBe('UNAUTHENTICATED')
  })

  it('when an OPENID bound to one account redeems a code for another, then it is refused and the code still serves its owner', async () => {
    const { code } = await accountWithCode({ username: 'other.proxy', role: 'proxy', siteId: SITE_A.id })
    const { code: mine } = await accountWithCode({ username: 'taken.station', role: 'station', siteId: SITE_A.id })
    await must('staff', { action: 'bindByCode', code: mine }, 'o-taken')
    expect(codeOf(await call('staff', { action: 'bindByCode', code }, 'o-taken'))).toBe('STAFF_SUBJECT_TAKEN')
    expect(await must('staff', { action: 'bindByCode', code }, 'o-proxy-owner')).toMatchObject({ role: 'proxy' })
  })

  it('when the wrong password is tried five times, then even the right one is locked out for a minute, as on the desk', async () => {
    await must(
      'staff',
      {
        action: 'createStaff',
        username: 'pw.station',
        displayName: '密码站',
        role: 'station',
        siteId: SITE_A.id,
        password: 'right-password-1',
      },
      ROOT,
    )
    const tryWith = (password: string) => call('staff', { action: 'bindByPassword', username: 'pw.station', password }, 'o-pw')
    for (let i = 0; i < 5; i++) expect(codeOf(await tryWith('wrong-password'))).toBe('LOGIN_FAILED')
    expect(codeOf(await tryWith('right-password-1'))).toBe('LOGIN_LOCKED')
    expect(codeOf(await call('station', { action: 'me' }, 'o-pw'))).toBe('UNAUTHENTICATED')
    deps.clock.advance(61_000)
    expect(await must('staff', { action: 'bindByPassword', username: 'pw.station', password: 'right-password-1' }, 'o-pw')).toMatchObject({
      role: 'station',
    })
    expect(await must('station', { action: 'me' }, 'o-pw')).toMatchObject({ role: 'station', siteName: SITE_A.name })
  })

  it('when ten wrong passwords arrive at once, then at most five are checked and the rest are locked out unchecked', async () => {
    await must(
      'staff',
      { action: 'createStaff', username: 'flood.station', displayName: '洪水站', role: 'station', siteId: SITE_A.id },
      ROOT,
    )
    const verify = deps.secrets.verifyPassword
    let checks = 0
    deps.secrets = { ...deps.secrets, verifyPassword: (p, h) => (checks++, verify(p, h)) }
    try {
      const tries = Array.from({ length: 10 }, (_, i) =>
        call('staff', { action: 'bindByPassword', username: 'flood.station', password: 'wrong-password' }, `o-flood-${i}`),
      )
      const codes = (await Promise.all(tries)).map(codeOf)
      expect(checks).toBeLessThanOrEqual(5)
      expect(codes.filter((c) => c === 'LOGIN_LOCKED').length).toBeGreaterThanOrEqual(5)
      expect(codes.every((c) => c === 'LOGIN_LOCKED' || c === 'LOGIN_FAILED')).toBe(true)
    } finally {
      deps.secrets = { ...deps.secrets, verifyPassword: verify }
    }
  })

  it('when staff unbind themselves, or an administrator unbinds them, then their very next call is refused, and both are on record', async () => {
    const { account, code } = await accountWithCode({ username: 'leaving.station', role: 'station', siteId: SITE_A.id })
    const own = await must('staff', { action: 'bindByCode', code }, 'o-leaving')
    const second = await must('staff', { action: 'issueBindingCode', staffId: account.id }, ROOT)
    await must('staff', { action: 'bindByCode', code: second.code }, 'o-leaving-tablet')
    const mine = await must('staff', { action: 'myBindings' }, 'o-leaving')
    expect(mine.items.map((b: Data) => [b.id === own.bindingId, b.mine])).toEqual(
      expect.arrayContaining([
        [true, true],
        [false, false],
      ]),
    )
    await must('staff', { action: 'unbindMine', bindingId: own.bindingId }, 'o-leaving')
    expect(codeOf(await call('station', { action: 'listCases' }, 'o-leaving'))).toBe('UNAUTHENTICATED')
    expect(await must('station', { action: 'me' }, 'o-leaving-tablet')).toMatchObject({ role: 'station' })

    const tablet = (await must('staff', { action: 'listBindings', staffId: account.id }, ROOT)).items.find((b: Data) => !b.revokedAt)
    await must('staff', { action: 'unbind', bindingId: tablet.id }, ROOT)
    expect(codeOf(await call('station', { action: 'listCases' }, 'o-leaving-tablet'))).toBe('UNAUTHENTICATED')
    const log = await store.listStaffBindingLog(account.id)
    expect(log.filter((e) => e.action === 'unbind').map((e) => [e.subject, e.via, e.actor])).toEqual([
      ['o-leaving', 'self', account.id],
      ['o-leaving-tablet', 'admin', FIRST_ADMIN_ID],
    ])
  })

  it('when an account is disabled, then its bound OPENID is refused and its password binds nobody; enabled again, it works', async () => {
    const account = await must(
      'staff',
      {
        action: 'createStaff',
        username: 'off.station',
        displayName: '停用站',
        role: 'station',
        siteId: SITE_A.id,
        password: 'right-password-2',
      },
      ROOT,
    )
    await must('staff', { action: 'bindByPassword', username: 'off.station', password: 'right-password-2' }, 'o-off')
    await must('staff', { action: 'setStaffDisabled', staffId: account.id, disabled: true }, ROOT)
    expect(codeOf(await call('station', { action: 'me' }, 'o-off'))).toBe('UNAUTHENTICATED')
    expect(
      codeOf(await call('staff', { action: 'bindByPassword', username: 'off.station', password: 'right-password-2' }, 'o-off-2')),
    ).toBe('LOGIN_FAILED')
    await must('staff', { action: 'setStaffDisabled', staffId: account.id, disabled: false }, ROOT)
    expect(await must('station', { action: 'me' }, 'o-off')).toMatchObject({ role: 'station' })
    // the administrator's provisioning is on the account's record beside its bindings
    const provisioning = (await store.listStaffBindingLog(account.id)).filter((e) => e.action.startsWith('account-'))
    expect(provisioning.map((e) => [e.action, e.via, e.actor])).toEqual([
      ['account-created', 'admin', FIRST_ADMIN_ID],
      ['account-disabled', 'admin', FIRST_ADMIN_ID],
      ['account-enabled', 'admin', FIRST_ADMIN_ID],
    ])
  })

  it('when an account is disabled, then its outstanding code binds nobody and stays unused; enabled again, the code serves', async () => {
    const { account, code } = await accountWithCode({ username: 'off.coded', role: 'station', siteId: SITE_A.id })
    await must('staff', { action: 'setStaffDisabled', staffId: account.id, disabled: true }, ROOT)
    expect(codeOf(await call('staff', { action: 'bindByCode', code }, 'o-off-coded'))).toBe('BINDING_CODE_INVALID')
    await must('staff', { action: 'setStaffDisabled', staffId: account.id, disabled: false }, ROOT)
    expect(codeOf(await call('station', { action: 'me' }, 'o-off-coded'))).toBe('UNAUTHENTICATED')
    await must('staff', { action: 'bindByCode', code }, 'o-off-coded')
    expect(await must('station', { action: 'me' }, 'o-off-coded')).toMatchObject({ role: 'station' })
  })

  it("when a station issues codes, then for its own site's proxy it may, and another site's account is not found; a proxy may not at all", async () => {
    const proxy = await must(
      'staff',
      { action: 'createStaff', username: 'a.proxy', displayName: '代办点', role: 'proxy', siteId: SITE_A.id },
      ROOT,
    )
    const otherSite = await must(
      'staff',
      { action: 'createStaff', username: 'b.station', displayName: 'B站', role: 'station', siteId: SITE_B.id },
      ROOT,
    )
    const { code } = await accountWithCode({ username: 'issuing.station', role: 'station', siteId: SITE_A.id })
    await must('staff', { action: 'bindByCode', code }, 'o-issuer')
    const issued = await must('staff', { action: 'issueBindingCode', staffId: proxy.id }, 'o-issuer')
    expect(await must('staff', { action: 'bindByCode', code: issued.code }, 'o-proxy')).toMatchObject({ role: 'proxy' })
    expect(codeOf(await call('staff', { action: 'issueBindingCode', staffId: otherSite.id }, 'o-issuer'))).toBe('STAFF_NOT_FOUND')
    expect(codeOf(await call('staff', { action: 'issueBindingCode', staffId: proxy.id }, 'o-proxy'))).toBe('FORBIDDEN')
    expect(codeOf(await call('staff', { action: 'createStaff', username: 'x', displayName: 'x', role: 'admin' }, 'o-issuer'))).toBe(
      'FORBIDDEN',
    )
    // the station's list of accounts: its own site's station and proxy accounts, no other
    const listed = (await must('staff', { action: 'listStaff' }, 'o-issuer')).items as Data[]
    expect(listed.map((a) => a.id)).toEqual(expect.arrayContaining([proxy.id]))
    expect(listed.every((a) => a.siteId === SITE_A.id && ['station', 'proxy'].includes(a.role))).toBe(true)
    const everyone = (await must('staff', { action: 'listStaff' }, ROOT)).items as Data[]
    expect(everyone.map((a) => a.id)).toEqual(expect.arrayContaining([proxy.id, otherSite.id, FIRST_ADMIN_ID]))
    const sites = (await must('staff', { action: 'listSites' }, ROOT)).items as Data[]
    expect(sites.map((s) => s.id)).toEqual(expect.arrayContaining([SITE_A.id, SITE_B.id]))
  })
})
