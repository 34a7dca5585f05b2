/** @jest-environment jsdom */
// Staff in the built weapp (issue 15): a WeChat identity becomes a staff account on
// pages/staff/bind, and the station board then works over Taro.cloud.callFunction with no session.
// The fake cloud (support/staff-cloud.ts) plays the staff, station and proxy functions.
import { createFakeWx } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'
import { GOOD_CODE, PASSWORD_LOGIN, PROXY, PROXY_CODE, STATION, playStaffCloud, staffCloud } from './support/staff-cloud'

const BIND = 'pages/staff/bind/index'
const BOARD = 'pages/station/board/index'
const LOGIN = 'pages/station/login/index'
const PROXY_FILE = 'pages/station/proxy-file/index'
assertWeappBuilt()
const fake = createFakeWx(playStaffCloud)
let bindHost: PageHost
let boardHost: PageHost
let loginHost: PageHost
let proxyHost: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: BIND, query: {} })
  bindHost = hostPage(BIND)
  boardHost = hostPage(BOARD)
  loginHost = hostPage(LOGIN)
  proxyHost = hostPage(PROXY_FILE)
})
afterAll(() => {
  bindHost?.dispose()
  boardHost?.dispose()
  loginHost?.dispose()
  proxyHost?.dispose()
})
beforeEach(() => {
  fake.reset()
  staffCloud.bound = null
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

    p.type(p.find('.staff-bind__username'), PASSWORD_LOGIN.username)
    p.type(p.find('.staff-bind__password'), PASSWORD_LOGIN.password)
    p.tap(p.find('.staff-bind__password-submit'))
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/board/index'])
    expect(fake.cloudCalls.find((c) => c.data.action === 'bindByPassword')?.data).toEqual({
      action: 'bindByPassword',
      ...PASSWORD_LOGIN,
    })
  })

  test('when the code is wrong, then the page says so under the code box and opens nothing', async () => {
    const p = await openBind()
    await p.settle('the binding forms shown', () => p.text().includes('用绑定码绑定'))

    p.type(p.find('.text-field--code'), 'WRONG2345ABC')
    p.tap(p.find('.staff-bind__code-submit'))
    await p.settle('told the code is invalid', () => p.text().includes('绑定码无效'))

    expect(fake.redirects).toEqual([])
    expect(staffCloud.bound).toBeNull()
  })

  test('when a binding QR opens the page with its code as scene, then it binds at once and a proxy worker lands on the filing page', async () => {
    const p = await openBind({ scene: PROXY_CODE })
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/proxy-file/index'])
    expect(actions()[0]).toBe('staff.bindByCode')
  })

  test('when a bound WeChat opens the page, then 我的账号 shows who it is, and 解除本机绑定 unbinds it and brings the forms back', async () => {
    staffCloud.bound = STATION
    const p = await openBind()
    await p.settle('my account shown', () => p.text().includes('本机微信'))
    expect(p.text()).toContain('林站长')
    expect(p.text()).toContain('星河广场')

    p.tap(p.find('.staff-bind__unbind-mine'))
    await p.settle('asked first', () => p.text().includes('解除本机绑定？'))
    expect(actions()).not.toContain('staff.unbindMine')
    p.tap(p.find('.confirm-dialog__confirm'))
    await p.settle('the binding forms back', () => p.text().includes('用绑定码绑定'))

    expect(actions()).toContain('staff.unbindMine')
    expect(staffCloud.bound).toBeNull()
  })
})

describe('the built station board in WeChat', () => {
  test('when the WeChat is bound to a station account, then the board shows the site and its cases from the cloud functions', async () => {
    staffCloud.bound = STATION
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
    staffCloud.bound = STATION
    page = boardHost.open({})
    const p = page
    await p.settle('cases shown', () => p.text().includes('KS-20261122-0001'))

    p.tap(p.find('.station-board__logout'))
    await p.settle('sent to login', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/station/login/index'])
    expect(actions()).not.toContain('staff.unbindMine')
    expect(staffCloud.bound).toEqual(STATION)
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

  test('when the WeChat is bound to a proxy worker, then 代为登记 opens with the worker named, the form, 大字模式 and the recent filings of that worker', async () => {
    staffCloud.bound = PROXY
    page = proxyHost.open({})
    const p = page
    await p.settle('recent filings shown', () => p.text().includes('KS-20261122-0003'))

    expect(p.text()).toContain('登记人：社区代办员')
    expect(p.text()).toContain('大字模式')
    expect(p.text()).toContain('星河超市')
    expect(fake.redirects).toEqual([])
  })
})
