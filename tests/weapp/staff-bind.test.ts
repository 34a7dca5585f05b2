/** @jest-environment jsdom */
// Staff in the built weapp (issue 15): a WeChat identity becomes a staff account on
// pages/staff/bind, and the station board then works over Taro.cloud.callFunction with no session.
// The fake cloud plays the `staff` and `station` functions in their envelope ({ ok, data } or
// { ok: false, error }); whether this WeChat is bound is the only state it keeps, as the real one
// keys everything on the caller's OPENID.
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

const BIND = 'pages/staff/bind/index'
const BOARD = 'pages/station/board/index'
const LOGIN = 'pages/station/login/index'
const GOOD_CODE = 'ABCD2345EFGH'
const STATION = { displayName: '林站长', role: 'station', siteName: '星河广场' } as const
const PROXY = { displayName: '社区代办员', role: 'proxy', siteName: '星河广场' } as const

let bound: { displayName: string; role: string; siteName: string | null } | null = null
const refused = (code: string, message: string) => ({ ok: false, error: { code, message } })

const caseOf = (n: number, merchantName: string, excerpt: string) => ({
  id: `case-${n}`,
  caseNo: `KS-20261122-000${n}`,
  kind: 'complaint',
  status: 'received',
  merchantName,
  excerpt,
  createdAt: '2026-11-22T10:00:00+08:00',
  nextDue: null,
})

function cloud({ name, data }: CloudCall): unknown {
  const action = `${name}.${String(data.action)}`
  if (action === 'staff.bindByCode' || action === 'staff.bindByPassword') {
    if (data.code === GOOD_CODE || (data.username === 'xinghe-station' && data.password === 'correct horse battery')) bound = STATION
    else if (data.code === 'PROXY2345ABC') bound = PROXY
    else return refused('BINDING_CODE_INVALID', '绑定码无效、已使用或已过期，请向管理员重新索取')
    return { ok: true, data: { bindingId: 'bind-1', ...bound } }
  }
  // an OPENID bound to nobody is a shopper: every staff action refuses it, as cloud-main does
  if (!bound) return refused('UNAUTHENTICATED', '请先登录')
  if (action === 'station.me') return { ok: true, data: bound }
  if (action === 'staff.myBindings') {
    const mine = { id: 'bind-1', staffId: 'st-1', subjectMasked: 'oAbC****x9Yz', via: 'code', createdAt: '2026-11-22T09:00:00+08:00' }
    return { ok: true, data: { items: [{ ...mine, revokedAt: null, mine: true }] } }
  }
  if (action === 'staff.unbindMine') {
    bound = null
    const view = { id: 'bind-1', staffId: 'st-1', subjectMasked: 'oAbC****x9Yz', via: 'code', createdAt: '2026-11-22T09:00:00+08:00' }
    return { ok: true, data: { ...view, revokedAt: '2026-11-22T11:00:00+08:00', mine: true } }
  }
  if (action === 'station.listCases') {
    const items = [caseOf(1, '味道小馆', '麻辣烫里有头发，要求退款'), caseOf(2, '星河数码', '充电宝用了两天就坏了')]
    return { ok: true, data: { siteName: '星河广场', items, nextCursor: null } }
  }
  return refused('UNKNOWN_ACTION', '不支持的操作')
}

assertWeappBuilt()
const fake = createFakeWx(cloud)
let bindHost: PageHost
let boardHost: PageHost
let loginHost: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: BIND, query: {} })
  bindHost = hostPage(BIND)
  boardHost = hostPage(BOARD)
  loginHost = hostPage(LOGIN)
})
afterAll(() => {
  bindHost?.dispose()
  boardHost?.dispose()
  loginHost?.dispose()
})
beforeEach(() => {
  fake.reset()
  bound = null
})
afterEach(() => {
  page?.close()
  page = undefined
})

const actions = () => fake.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`)

async function openBind(query: Record<string, string> = {}): Promise<OpenedPage> {
  page = bindHost.open(query)
  return page
}

describe('the built staff binding page', () => {
  test('when an unbound WeChat types the binding code and taps 绑定, then the code is redeemed and the station board opens', async () => {
    const p = await openBind()
    await p.settle('the binding forms shown', () => p.text().includes('用绑定码绑定'))

    p.type(p.find('.text-field--code'), GOOD_CODE.toLowerCase())
    p.tap(p.find('.staff-bind__code-submit'))
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/board/index'])
    expect(fake.cloudCalls.find((c) => c.data.action === 'bindByCode')).toEqual({
      name: 'staff',
      data: { action: 'bindByCode', code: GOOD_CODE },
    })
  })

  test('when an unbound WeChat enters the username and password once, then it is bound and the station board opens', async () => {
    const p = await openBind()
    await p.settle('the binding forms shown', () => p.text().includes('用账号和密码绑定'))

    p.type(p.find('.staff-bind__username'), 'xinghe-station')
    p.type(p.find('.staff-bind__password'), 'correct horse battery')
    p.tap(p.find('.staff-bind__password-submit'))
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/board/index'])
    expect(fake.cloudCalls.find((c) => c.data.action === 'bindByPassword')?.data).toEqual({
      action: 'bindByPassword',
      username: 'xinghe-station',
      password: 'correct horse battery',
    })
  })

  test('when the code is wrong, then the page says so under the code box and opens nothing', async () => {
    const p = await openBind()
    await p.settle('the binding forms shown', () => p.text().includes('用绑定码绑定'))

    p.type(p.find('.text-field--code'), 'WRONG2345ABC')
    p.tap(p.find('.staff-bind__code-submit'))
    await p.settle('told the code is invalid', () => p.text().includes('绑定码无效'))

    expect(fake.redirects).toEqual([])
    expect(bound).toBeNull()
  })

  test('when a binding QR opens the page with its code as scene, then it binds at once and a proxy worker lands on the filing page', async () => {
    const p = await openBind({ scene: 'PROXY2345ABC' })
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/proxy-file/index'])
    expect(actions()[0]).toBe('staff.bindByCode')
  })

  test('when a bound WeChat opens the page, then 我的账号 shows who it is, and 解除本机绑定 unbinds it and brings the forms back', async () => {
    bound = STATION
    const p = await openBind()
    await p.settle('my account shown', () => p.text().includes('本机微信'))
    expect(p.text()).toContain('林站长')
    expect(p.text()).toContain('星河广场')

    p.tap(p.find('.staff-bind__unbind-mine'))
    await p.settle('the binding forms back', () => p.text().includes('用绑定码绑定'))

    expect(actions()).toContain('staff.unbindMine')
    expect(bound).toBeNull()
  })
})

describe('the built station board in WeChat', () => {
  test('when the WeChat is bound to a station account, then the board shows the site and its cases from the cloud functions', async () => {
    bound = STATION
    page = boardHost.open({})
    const p = page
    await p.settle('cases shown', () => p.text().includes('KS-20261122-0002'))

    expect(p.text()).toContain('星河广场')
    expect(p.text()).toContain('味道小馆')
    expect(p.text()).toContain('星河数码')
    expect(actions()).toEqual(expect.arrayContaining(['station.me', 'station.listCases']))
    expect(fake.redirects).toEqual([])
  })

  test('when the station taps 退出登录 on the board, then it goes to the login page (in WeChat: 我的账号) and this WeChat stays bound', async () => {
    bound = STATION
    page = boardHost.open({})
    const p = page
    await p.settle('cases shown', () => p.text().includes('KS-20261122-0001'))

    p.tap(p.find('.station-board__logout'))
    await p.settle('sent to login', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/login/index'])
    expect(actions()).not.toContain('staff.unbindMine')
    expect(bound).toEqual(STATION)
  })

  test('when the WeChat is bound to nobody, then the board hands over to the login page, which in WeChat is the binding page', async () => {
    page = boardHost.open({})
    await page.settle('sent away', () => fake.redirects.length > 0)

    expect(fake.redirects[0]).toMatch(/^\/pages\/station\/login\/index/)
  })

  test('when the login page opens in WeChat (no session there: the WeChat identity is bound instead), then it hands over to the binding page instead of a desk-only dead end', async () => {
    page = loginHost.open({ reason: 'expired' })
    await page.settle('sent on', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/staff/bind/index'])
    expect(page.text()).not.toContain('电脑浏览器')
  })
})
