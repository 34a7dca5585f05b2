/** @jest-environment jsdom */
// Issue 15: in WeChat a staff member or a shop clerk could reach their pages only from a scanned
// code. The consumer home page of the built weapp now ends with 工作人员 / 商家入口: 工作人员 opens the
// binding page (我的账号 once bound), 商家店员 the merchant home. Tapped here through Taro's event bridge.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { failOnConsoleNoise } from './support/console-noise'
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { DIST, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

const BUILD = DIST // dist/weapp, or the build KS_WEAPP_BUILD names
if (!existsSync(join(BUILD, 'app.json'))) throw new Error(`${BUILD}/app.json is missing: run \`npm run build:weapp\` first`)

const HOME = 'pages/consumer/home/index'
const BIND = '/pages/staff/bind/index'
const MERCHANT_HOME = '/pages/merchant/home/index'

// The home page asks only for the 消息 count; a shopper with no messages.
function homeCloud({ name, data }: CloudCall) {
  if (name === 'inbox' && data.action === 'list') return { ok: true, data: { items: [], unread: 0 } }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(homeCloud)
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: HOME, query: {} }, BUILD)
  host = hostPage(HOME)
})
afterAll(() => host?.dispose())
beforeEach(() => fake.reset())
afterEach(() => {
  page?.close()
  page = undefined
})
failOnConsoleNoise()

/** The pages app.json declares, main package and subpackages, as WeChat resolves a navigateTo url. */
function declaredPages(): string[] {
  const app = JSON.parse(readFileSync(join(BUILD, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    subpackages?: { root: string; pages: string[] }[]
  }
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))].map((p) => `/${p}`)
}

async function openHome(): Promise<OpenedPage> {
  page = host.open({})
  const p = page
  await p.settle('the home page shown', () => p.text().includes('工作人员 / 商家入口'))
  return p
}

describe('the built consumer home page in WeChat', () => {
  test('when the home page shows, then 工作人员 / 商家入口 comes last, after the emergency line', async () => {
    const p = await openHome()
    const text = p.text()
    expect(text.indexOf('工作人员 / 商家入口')).toBeGreaterThan(text.indexOf('请拨打110或12315'))
    expect(text.trim().endsWith('商家店员 ›')).toBe(true)
  })

  test('when 工作人员 is tapped, then the staff binding page opens, a page the build declares', async () => {
    const p = await openHome()
    p.tap(p.find('.staff-entry__link--staff'))
    await p.settle('navigated', () => fake.navigations.length > 0)

    expect(fake.navigations).toEqual([BIND])
    expect(declaredPages()).toContain(BIND)
  })

  test('when 商家店员 is tapped, then the merchant home opens, a page the build declares', async () => {
    const p = await openHome()
    p.tap(p.find('.staff-entry__link--merchant'))
    await p.settle('navigated', () => fake.navigations.length > 0)

    expect(fake.navigations).toEqual([MERCHANT_HOME])
    expect(declaredPages()).toContain(MERCHANT_HOME)
  })
})
