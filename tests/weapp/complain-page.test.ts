/** @jest-environment jsdom */
// The complaint entry page as WeChat runs it: the weapp build (dist/weapp) in miniprogram-simulate,
// opened the way a shop's mini-program code opens it (options.scene), typed into and submitted
// through Taro's real event bridge, against a fake `wx.cloud` that records every call.
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { failOnConsoleNoise } from './support/console-noise'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

assertWeappBuilt()

const ROUTE = 'pages/consumer/complain/index'
const SUBMITTED = '/pages/consumer/submitted/index'
const SHOP = { code: 'WDXG26', name: '味道小馆' }
const CASE_NO = 'KS-20261122-0001'
const DRAFT_KEY = `kuaisu:draft:${SHOP.code}` // src/hooks/complaint-draft.ts

// The `consumer` cloud function, reduced to the two actions this page uses; answers are the
// envelopes the real function returns ({ ok, data } | { ok: false, error }).
function consumerFunction({ name, data }: CloudCall) {
  if (name === 'consumer' && data.action === 'getMerchantEntry') {
    if (data.code !== SHOP.code) return { ok: false, error: { code: 'MERCHANT_NOT_FOUND', message: '未找到该商户' } }
    return {
      ok: true,
      data: {
        merchant: { code: SHOP.code, name: SHOP.name, industry: '食品', address: '星河路88号 B1-12', booth: 'B1-12' },
        site: { name: '星河广场', hotline: '0571-88812315' },
      },
    }
  }
  if (name === 'consumer' && data.action === 'submitComplaint') {
    return {
      ok: true,
      data: {
        caseId: 'case-1',
        caseNo: CASE_NO,
        queryCode: 'K7M2Q9XR',
        status: 'received',
        createdAt: '2026-11-22T10:00:00+08:00',
        nextStep: '24小时内告知是否受理',
        merchantName: SHOP.name,
        siteName: '星河广场',
        hotline: '0571-88812315',
      },
    }
  }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(consumerFunction)
const submissions = () => fake.cloudCalls.filter((call) => call.data.action === 'submitComplaint')
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: ROUTE, query: { scene: SHOP.code } })
  host = hostPage(ROUTE)
})
afterAll(() => host?.dispose())

failOnConsoleNoise()

beforeEach(() => {
  fake.reset()
})
afterEach(() => {
  page?.close()
  page = undefined
})

/** Opens the page like a scan of the shop's code and waits for the shop to show. */
async function openFromScan(scene: string): Promise<OpenedPage> {
  page = host.open({ scene })
  await page.settle(`shop name ${SHOP.name} shown`, () => page!.text().includes(SHOP.name))
  return page
}

test("when the page opens from a scanned code and the form is filled and submitted, then consumer.submitComplaint gets every field and the draft's 32-char key, and the page goes to the receipt", async () => {
  const page = await openFromScan(encodeURIComponent(SHOP.code))
  expect(fake.cloudCalls).toEqual([{ name: 'consumer', data: { action: 'getMerchantEntry', code: SHOP.code } }])

  const description = '今天中午在店里吃的麻辣烫里有一根头发，要求退款'
  page.type(page.find('.text-field--name'), '王小明')
  page.type(page.find('.text-field--phone'), '１３８ ００１３ ８０００') // full-width, as a Chinese keyboard types it
  page.type(page.find('.text-field--address'), '星河路1号')
  page.find('.select-field__picker--problemType').dispatchEvent('change', { detail: { value: 0 } }) // 质量
  page.tap(page.find('.demand-checkboxes__refund'))
  page.type(page.find('.complaint__textarea'), description)
  page.tap(page.find('.consent-block__agree'))
  // the counter is rendered from React state, so it moving proves the input reached the component
  await page.settle('the counter counts the text', () => page.text().includes(`${description.length}/2000`))
  // taps are applied a turn later than typing: wait until the saved draft holds the last one too
  type Stored = { fields: Record<string, unknown>; idempotencyKey: string } | undefined
  await page.settle('the draft saved the consent tick', () => (fake.storage.get(DRAFT_KEY) as Stored)?.fields.consentAgreed === true)
  const draft = fake.storage.get(DRAFT_KEY) as Stored
  expect(draft?.fields).toMatchObject({
    name: '王小明',
    description,
    problemType: '质量',
    industry: '食品',
    demands: ['refund'],
    consentAgreed: true,
  })
  expect(draft?.idempotencyKey).toMatch(/^[A-Za-z0-9]{32}$/)

  page.tap(page.find('.complaint__submit'))
  await page.settle('redirected after submitting', () => fake.redirects.length > 0)

  expect(submissions()).toEqual([
    {
      name: 'consumer',
      data: expect.objectContaining({
        action: 'submitComplaint',
        kind: 'complaint',
        merchantCode: SHOP.code,
        name: '王小明',
        phone: '13800138000', // normalised by the shared schema before sending
        address: '星河路1号',
        problemType: '质量',
        demands: ['refund'],
        description,
        evidenceIds: [],
        consentVersion: expect.any(String),
        sharePhoneWithMerchant: false,
        idempotencyKey: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      }),
    },
  ])
  expect(submissions()[0].data).not.toHaveProperty('industry') // a shopper is not asked: the filing derives it
  // the key is the draft's stored one (a retry after a lost answer must send the same key)
  expect(submissions()[0].data.idempotencyKey).toBe(draft?.idempotencyKey)
  expect(fake.cloudInits).toHaveLength(1) // wx.cloud.init before the first call, once

  expect(fake.redirects).toHaveLength(1)
  const [path, search] = fake.redirects[0].split('?')
  expect(path).toBe(SUBMITTED)
  expect(new URLSearchParams(search).get('caseNo')).toBe(CASE_NO)
  expect(search).not.toContain('K7M2Q9XR') // the query code goes through storage, never the URL
  expect(fake.storage.get('kuaisu:receipt:case-1')).toMatchObject({ queryCode: 'K7M2Q9XR' })
  expect(fake.storage.has(DRAFT_KEY)).toBe(false) // confirmed, so the draft is dropped
})

test('when submit is tapped on the empty form, then nothing is sent and each missing field says so, 请填写投诉内容 included', async () => {
  const page = await openFromScan(encodeURIComponent(SHOP.code))

  page.tap(page.find('.complaint__submit'))
  await page.settle('the field error shown', () => page.text().includes('请填写投诉内容'))

  // every problem at once, each under its field (the first field-error is the first field's: what happened comes first)
  expect(page.find('.field-error').dom?.textContent).toBe('请填写投诉内容')
  for (const message of [
    '请填写姓名',
    '请填写手机号码',
    '请填写联系地址',
    '请选择问题类型',
    '请至少选择一项诉求',
    '请填写投诉内容',
    '请先阅读并同意个人信息告知',
  ]) {
    expect(page.text()).toContain(message)
  }
  expect(submissions()).toEqual([])
  expect(fake.redirects).toEqual([])
  expect(fake.navigations).toEqual([])
})

test('when the scene arrives URI-encoded as "m=WDXG26", then the page decodes it and looks up WDXG26', async () => {
  // encodeURIComponent('WDXG26') is 'WDXG26' itself; this form really needs the decode
  await openFromScan(encodeURIComponent(`m=${SHOP.code}`))

  expect(fake.cloudCalls).toEqual([{ name: 'consumer', data: { action: 'getMerchantEntry', code: SHOP.code } }])
})
