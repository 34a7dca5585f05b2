/** @jest-environment jsdom */
// 大字模式 on the proxy receipt in the built weapp (issue 15 item 4): the worker turns the phone to
// the person they filed for, and the receipt must switch to large type there — the switch is on the
// page, the page root takes `page--elderly` (whose styles ship in the build), and the choice is
// remembered on the phone for the next page the worker shows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createFakeWx } from './support/fake-wx'
import { assertWeappBuilt, bootApp, DIST } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

const RECEIPT = 'pages/station/proxy-receipt/index'
const ELDERLY_KEY = 'kuaisu:elderly-mode'
const receipt = {
  caseId: 'case-9',
  caseNo: 'KS-20261122-0009',
  queryCode: 'K7M2Q9XR',
  status: 'received',
  createdAt: '2026-11-22T10:00:00+08:00',
  nextStep: '24小时内告知是否受理',
  merchantName: '味道小馆',
  siteName: '星河广场',
  hotline: '0571-88812315',
}

assertWeappBuilt()
const fake = createFakeWx(() => ({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }))
// the receipt store lists storage to drop an older receipt; WeChat's answer has the keys
fake.wx.getStorageInfoSync = () => ({ keys: [...fake.storage.keys()], currentSize: 0, limitSize: 10240 })
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: RECEIPT, query: { caseId: receipt.caseId } })
  host = hostPage(RECEIPT)
})
afterAll(() => host?.dispose())
afterEach(() => {
  page?.close()
  page = undefined
})

const elderlyRoot = (p: OpenedPage) => p.find('.page').dom!.className.includes('page--elderly')

test('when the worker taps 大字模式 on the receipt, then the page switches to large type, the choice is remembered, and the receipt opened again starts large', async () => {
  fake.storage.set(`kuaisu:receipt:${receipt.caseId}`, receipt)
  page = host.open({ caseId: receipt.caseId })
  const p = page
  await p.settle('the receipt shown', () => p.text().includes('KS-20261122-0009'))
  expect(p.text()).toContain('大字模式')
  expect(elderlyRoot(p)).toBe(false)

  p.tap(p.find('.elderly-switch'))
  await p.settle('large type on', () => elderlyRoot(p))
  expect(fake.storage.get(ELDERLY_KEY)).toBe(true)
  p.close()
  page = undefined

  fake.storage.set(`kuaisu:receipt:${receipt.caseId}`, receipt)
  page = host.open({ caseId: receipt.caseId })
  const again = page
  await again.settle('the receipt shown again', () => again.text().includes('K7M2Q9XR'))
  expect(elderlyRoot(again)).toBe(true)
})

test('when the weapp is built, then its shared styles carry the 大字模式 sizes the receipt reads (body text at least 20px)', () => {
  const css = readFileSync(join(DIST, 'app-origin.wxss'), 'utf8')
  expect(css).toMatch(/\.page--elderly\{[^}]*--ks-font-body:max\([^)]*20PX\)/)
})
