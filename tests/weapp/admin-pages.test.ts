/** @jest-environment jsdom */
// The administrator in the built weapp (issue 15 items 2 and 4, docs/admin-pages.md): a WeChat bound
// to an admin account lands on 管理, whose entries open sites, staff accounts and each site's shops;
// the staff-account list of a site and an account's binding code drawn as a mini-program code — all
// over Taro.cloud.callFunction, the caller known by the OPENID alone (no session, no cookie).
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

const HOME = 'pages/staff/admin/home/index'
const STAFF = 'pages/staff/admin/staff/index'
const ACCOUNT = 'pages/staff/admin/account/index'
const BIND = 'pages/staff/bind/index'
const ADMIN_CODE = 'ADMN2345EFGH'
const ISSUED = 'BIND2345WXYZ'
const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64')

const SITES = [
  { id: 'site-a', name: '星河广场', address: '星河路88号', hotline: '0571-88812315', areaId: null },
  { id: 'site-b', name: '滨江天街', address: '滨江路1号', hotline: '', areaId: null },
]
const ACCOUNTS = [
  { id: 'st-1', username: 'xh.station', displayName: '星河站 王芳', role: 'station', siteId: 'site-a', disabled: false },
  { id: 'st-2', username: 'xh.proxy', displayName: '星河代办 张敏', role: 'proxy', siteId: 'site-a', disabled: true },
  { id: 'st-3', username: 'bj.station', displayName: '滨江站 李强', role: 'station', siteId: 'site-b', disabled: false },
]
const ME = { displayName: '市管理员 陈', role: 'admin', siteName: null }
const world = { bound: false }

/** The staff and station functions as an administrator's OPENID meets them, in their envelope. */
function playAdminCloud({ name, data }: CloudCall): unknown {
  const action = `${name}.${String(data.action)}`
  if (action === 'staff.bindByCode' && data.code === ADMIN_CODE) {
    world.bound = true
    return { ok: true, data: { bindingId: 'b-1', ...ME } }
  }
  if (!world.bound) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }
  if (action === 'station.me') return { ok: true, data: ME }
  if (action === 'staff.listSites') return { ok: true, data: { items: SITES } }
  if (action === 'staff.listStaff') return { ok: true, data: { items: ACCOUNTS.filter((a) => !data.siteId || a.siteId === data.siteId) } }
  if (action === 'staff.listBindings') return { ok: true, data: { items: [] } }
  if (action === 'staff.issueBindingCode') {
    return { ok: true, data: { staffId: data.staffId, code: ISSUED, expiresAt: '2026-12-06T10:00:00+08:00' } }
  }
  if (action === 'staff.bindingMiniCode') return { ok: true, data: { contentType: 'image/png', base64: PNG_BASE64 } }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

assertWeappBuilt()
const fake = createFakeWx(playAdminCloud)
const hosts: Record<string, PageHost> = {}
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: HOME, query: {} })
  for (const route of [HOME, STAFF, ACCOUNT, BIND]) hosts[route] = hostPage(route)
})
afterAll(() => Object.values(hosts).forEach((h) => h.dispose()))
beforeEach(() => {
  fake.reset()
  world.bound = true
})
afterEach(() => {
  page?.close()
  page = undefined
})

const open = (route: string, query: Record<string, string> = {}) => (page = hosts[route].open(query))
const actions = () => fake.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`)

describe('the built 管理 pages in WeChat', () => {
  test('when an administrator binds this WeChat by code, then 管理 opens (not 我的账号, not a case page)', async () => {
    world.bound = false
    const p = open(BIND)
    await p.settle('the binding forms shown', () => p.text().includes('用绑定码绑定'))
    p.type(p.find('.text-field--code'), ADMIN_CODE)
    p.tap(p.find('.staff-bind__code-submit'))
    await p.settle('landed', () => fake.redirects.length > 0)

    expect(fake.redirects).toEqual(['/pages/staff/admin/home/index'])
  })

  test('when 管理 opens, then it names the administrator and offers 站点, 工作人员账号 and each site’s shops, over callFunction', async () => {
    const p = open(HOME)
    await p.settle('sites counted', () => p.text().includes('共 2 个站点'))

    expect(p.text()).toContain('市管理员 陈（管理员）')
    expect(p.text()).toContain('星河广场的商户')
    expect(p.text()).toContain('滨江天街的商户')
    expect(p.text()).toContain('我的账号')
    expect(p.text()).not.toContain('退出登录') // WeChat has no session to end: unbinding is on 我的账号
    expect(actions()).toEqual(expect.arrayContaining(['staff.listSites', 'station.me']))
    expect(fake.cloudCalls.every((c) => !('openid' in c.data) && !('staffId' in c.data))).toBe(true) // the OPENID is the caller

    p.tap(p.find('.admin-home__staff'))
    await p.settle('navigated', () => fake.navigations.length > 0)
    expect(fake.navigations).toEqual(['/pages/staff/admin/staff/index'])
  })

  test("when a site's shops are chosen on 管理, then the station's registry page opens for that site", async () => {
    const p = open(HOME)
    await p.settle('sites listed', () => p.text().includes('星河广场的商户'))
    p.tap(p.find('.admin-home__shops')) // the first site's: 星河广场
    await p.settle('navigated', () => fake.navigations.length > 0)

    expect(fake.navigations).toEqual(['/pages/station/merchants/index?site=site-a'])
  })

  test("when a site's staff accounts are opened, then only that site's accounts are asked for and listed, a disabled one marked", async () => {
    const p = open(STAFF, { site: 'site-a' })
    await p.settle('accounts listed', () => p.text().includes('星河站 王芳'))

    expect(fake.cloudCalls.find((c) => c.data.action === 'listStaff')?.data).toEqual({ action: 'listStaff', siteId: 'site-a' })
    expect(p.text()).toContain('星河代办 张敏已停用')
    expect(p.text()).toContain('维权站 · 用户名 xh.station · 星河广场')
    expect(p.text()).not.toContain('滨江站 李强')

    p.tap(p.find('.admin-staff__open'))
    await p.settle('navigated', () => fake.navigations.length > 0)
    expect(fake.navigations).toEqual(['/pages/staff/admin/account/index?id=st-1'])
  })

  test('when a binding code is issued on an account, then it is shown large and drawn as a mini-program code of that code', async () => {
    const p = open(ACCOUNT, { id: 'st-1' })
    await p.settle('account shown', () => p.text().includes('生成绑定码'))
    p.tap(p.find('.admin-account__issue'))
    await p.settle('code shown', () => p.text().includes('BIND 2345 WXYZ'))
    await p.settle('mini-program code drawn', () => fake.cloudCalls.some((c) => c.data.action === 'bindingMiniCode'))

    expect(fake.cloudCalls.find((c) => c.data.action === 'bindingMiniCode')?.data).toEqual({
      action: 'bindingMiniCode',
      staffId: 'st-1',
      code: ISSUED,
    })
    // the picture WeChat drew, shown as the image (no "正在生成" placeholder left)
    const drawn = () => p.find('.admin-account__qr').dom
    await p.settle('image shown', () => drawn()?.tagName === 'WX-IMAGE')
    expect(p.text()).not.toContain('正在生成小程序码')
    expect(p.text()).toContain('请对方用微信扫一扫扫描上面的小程序码')
  })
})
