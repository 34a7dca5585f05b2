/** @jest-environment jsdom */
// Speaking the complaint in WeChat: the built complaint page (dist/weapp) in miniprogram-simulate,
// with a stubbed WechatSI plugin whose recognition manager the test plays — live partial text, the
// segment's text on stop, an error. Taps go through Taro's real event bridge.
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'
import { failOnConsoleNoise } from './support/console-noise'
import { installWechatSi, type WechatSiControl } from './support/wechat-si-stub'
import { extractComplaintWithModel } from '../../src/domain/extract/model/load'

assertWeappBuilt()

const ROUTE = 'pages/consumer/complain/index'
const SHOP = { code: 'YXCS26', name: '优选生活超市' }
const DRAFT_KEY = `kuaisu:draft:${SHOP.code}` // src/hooks/complaint-draft.ts

function consumerFunction({ name, data }: CloudCall) {
  if (name === 'consumer' && data.action === 'getMerchantEntry' && data.code === SHOP.code) {
    return {
      ok: true,
      data: {
        merchant: { code: SHOP.code, name: SHOP.name, industry: '商超', address: '星河路88号 B1-01', booth: 'B1-01' },
        site: { name: '星河广场', hotline: '0571-88812315' },
      },
    }
  }
  // the panel's proposals come from the cloud on WeChat (consumer.extractText): the same extractor answers here
  if (name === 'consumer' && data.action === 'extractText' && typeof data.text === 'string') {
    return extractComplaintWithModel(data.text, { now: new Date() }).then((extraction) => ({ ok: true, data: extraction }))
  }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(consumerFunction)
let si: WechatSiControl
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  si = installWechatSi() // before bootApp: taro.js takes requirePlugin when it loads
  bootApp(fake.wx, { path: ROUTE, query: { scene: SHOP.code } })
  host = hostPage(ROUTE)
})
afterAll(() => host?.dispose())

failOnConsoleNoise()

beforeEach(() => {
  fake.reset()
  si.reset()
})
afterEach(() => {
  page?.close()
  page = undefined
})

async function openForm(): Promise<OpenedPage> {
  page = host.open({ scene: SHOP.code })
  await page.settle('shop shown', () => page!.text().includes(SHOP.name))
  return page
}

const storedDescription = () => (fake.storage.get(DRAFT_KEY) as { fields: { description: string } } | undefined)?.fields.description
const button = (p: OpenedPage) => p.find('.voice-button')

/** Taps the voice button and waits until the (stub) plugin has started and the button says 停止录音. */
async function startSegment(p: OpenedPage) {
  const before = si.manager.starts.length
  p.tap(button(p))
  await p.settle('recording started', () => si.manager.starts.length === before + 1 && p.text().includes('停止录音'))
}

test('when the person speaks, then partial text shows live, and on stop the text is appended after what they typed (segment after segment)', async () => {
  const p = await openForm()
  expect(p.text()).toContain('开始说话')
  const typed = '我在店里买了一盒牛奶'
  p.type(p.find('.complaint__textarea'), typed)
  await p.settle('typed text saved', () => storedDescription() === typed)

  await startSegment(p)
  expect(si.requests).toContain('WechatSI')
  expect(si.manager.starts).toEqual([{ duration: 60000, lang: 'zh_CN' }])
  expect(p.text()).toMatch(/已录 0:0\d \/ 1:00/)

  si.manager.onRecognize!({ result: '昨天在优选' })
  await p.settle('first partial text', () => p.text().includes('正在识别：昨天在优选'))
  si.manager.onRecognize!({ result: '昨天在优选超市买的牛奶' })
  await p.settle('longer partial text', () => p.text().includes('正在识别：昨天在优选超市买的牛奶'))
  expect(storedDescription()).toBe(typed) // nothing is written while speaking

  p.tap(button(p))
  await p.settle('the plugin asked to stop', () => si.manager.stops === 1)
  const first = '昨天在优选超市买的牛奶已经过期了。'
  si.manager.onStop!({ tempFilePath: 'wxfile://tmp/voice-1.mp3', duration: 4200, fileSize: 33600, result: first })
  await p.settle('text appended', () => storedDescription() === `${typed}，${first}`)
  await p.settle('counter follows', () => p.text().includes(`${typed.length + 1 + first.length}/2000`))
  expect(p.text()).toContain('已把说的话接在内容后面')
  expect(p.text()).toContain('小程序端暂不能把录音存为证据') // weapp upload is not open yet: said plainly
  expect(p.text()).not.toContain('正在识别')
  expect(p.text()).toContain('开始说话')

  // a second segment goes after the first
  await startSegment(p)
  p.tap(button(p))
  await p.settle('second stop', () => si.manager.stops === 2)
  si.manager.onStop!({ tempFilePath: 'wxfile://tmp/voice-2.mp3', duration: 1500, fileSize: 12000, result: '要求退款。' })
  await p.settle('second segment appended', () => storedDescription() === `${typed}，${first}要求退款。`)
})

test('when the plugin reports an error, then the message and a 重新录音 button show, the text is untouched, and the button starts again', async () => {
  const p = await openForm()
  await startSegment(p)
  si.manager.onRecognize!({ result: '这个' })
  await p.settle('partial shown', () => p.text().includes('正在识别：这个'))

  si.manager.onError!({ retcode: -30006, msg: 'recognize timeout' })
  await p.settle('error shown', () => p.text().includes('没有识别出来，请靠近手机再说一遍'))
  expect(p.text()).not.toContain('正在识别')
  expect(storedDescription() ?? '').toBe('')
  const retry = p.find('.voice-input__retry')
  expect(retry.dom?.textContent).toBe('重新录音')

  // a late callback from the failed segment changes nothing
  si.manager.onStop!({ tempFilePath: '', duration: 0, fileSize: 0, result: '迟到的文字' })
  p.tap(retry)
  await p.settle('recording again', () => si.manager.starts.length === 2 && p.text().includes('停止录音'))
  expect(storedDescription() ?? '').toBe('')
  expect(p.text()).not.toContain('没有识别出来')
})

test('when the person holds the button (hold-to-talk), then letting go stops the segment', async () => {
  const p = await openForm()
  button(p).dispatchEvent('longpress', { detail: { x: 0, y: 0 } })
  await p.settle('started by holding', () => si.manager.starts.length === 1 && p.text().includes('停止录音'))
  button(p).dispatchEvent('touchend', { touches: [], changedTouches: [{ clientX: 0, clientY: 0 }] })
  await p.settle('stopped on release', () => si.manager.stops === 1)
  si.manager.onStop!({ tempFilePath: 'wxfile://tmp/voice-3.mp3', duration: 2000, fileSize: 16000, result: '发票开错了。' })
  await p.settle('appended', () => storedDescription() === '发票开错了。')
})

test('when WeChat will not load the plugin and upload is not open, then the form says voice input is unavailable instead of a dead button', async () => {
  si.added = false
  const p = await openForm()
  expect(si.requests).toContain('WechatSI')
  expect(p.text()).toContain('语音输入暂不可用')
  expect(() => p.find('.voice-button')).toThrow()
  p.find('.complaint__textarea') // typing still works
})

test('when the spoken text names a date, an amount and a demand, then 识别到的信息 offers them; 填入 fills one, 全部填入 the rest, and a field filled by hand is never offered', async () => {
  const p = await openForm()
  p.tap(p.find('.disclosure__toggle')) // the purchase details are folded (消费情况（选填）)
  await p.settle('purchase details open', () => p.text().includes('收起'))
  p.type(p.find('.text-field--product'), '酸奶')
  await p.settle(
    'product saved',
    () => (fake.storage.get(DRAFT_KEY) as { fields: { product: string } } | undefined)?.fields.product === '酸奶',
  )

  await startSegment(p)
  p.tap(button(p))
  await p.settle('stop asked', () => si.manager.stops === 1)
  si.manager.onStop!({
    tempFilePath: 'wxfile://tmp/voice-4.mp3',
    duration: 5000,
    fileSize: 40000,
    result: '前天在这里买的牛奶过期了，花了二十八块五，要求退款。',
  })
  await p.settle('proposal shown', () => p.text().includes('识别到的信息'))
  expect(fake.cloudCalls.filter((c) => c.data.action === 'extractText')).toHaveLength(1) // not computed in the main package
  const fields = () => (fake.storage.get(DRAFT_KEY) as { fields: Record<string, unknown> }).fields
  expect(p.text()).toContain('28.5元')
  expect(p.text()).toContain('依据：“二十八块五”')
  expect(() => p.find('.extraction-proposal__row--product')).toThrow() // typed by hand: not offered
  expect(() => p.find('.extraction-proposal__row--industry')).toThrow() // already set from the shop
  expect(fields()).toMatchObject({ amountYuan: '', demands: [], purchaseDate: '' }) // nothing filled until confirmed

  p.tap(p.find('.extraction-proposal__apply--amountYuan'))
  await p.settle('amount filled', () => fields().amountYuan === '28.5')
  await p.settle('its row gone', () => !p.text().includes('28.5元'))
  expect(fields().demands).toEqual([])

  p.tap(p.find('.extraction-proposal__all'))
  await p.settle('the rest filled', () => (fields().demands as string[]).length > 0)
  expect(fields()).toMatchObject({ demands: ['refund'], product: '酸奶', industry: '商超', amountYuan: '28.5' })
  expect(fields().purchaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await p.settle('panel closed', () => !p.text().includes('识别到的信息'))
})
