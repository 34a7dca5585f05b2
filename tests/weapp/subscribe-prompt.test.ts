/** @jest-environment jsdom */
// Asking for WeChat service notices (subscribe messages) on a tap, in two layers:
//  1. the built weapp (dist/weapp) in miniprogram-simulate: the complaint page's 提交 tap and the
//     merchant inbox's 开启微信提醒 tap, against a fake `wx` whose requestSubscribeMessage the test
//     plays. Template ids are baked in at build time, so what these expect is read the way
//     `taro build` reads it (.env files, then the shell's values). `npm test` builds with the empty
//     ids in .env, so the "no ids" tests run and the "with ids" ones are skipped; build with e.g.
//       TARO_APP_WECHAT_TMPL_CONSUMER_ACCEPTED=tmpl-a … npm run build:weapp
//     and run jest with the same variables to run the others.
//  2. src/api/subscribe.weapp.ts + subscribe-record.ts with a stubbed Taro and transport, so the
//     asking/answering logic (skip empty ids, accepted only, refusal and errors → []) always runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'dotenv'
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp, DIST } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
jest.mock('../../src/api/transport', () => ({ send: jest.fn() }))

assertWeappBuilt()

const ROOT = join(__dirname, '../..')
const COMPLAIN = 'pages/consumer/complain/index'
const MERCHANT_INBOX = 'pages/merchant/inbox/index'
const SHOP = { code: 'WDXG26', name: '味道小馆' }
const DRAFT_KEY = `kuaisu:draft:${SHOP.code}`
const CONSUMER_SLOTS = ['consumer_accepted', 'consumer_answered', 'consumer_closed'] as const
const MERCHANT_SLOTS = ['merchant_new_case', 'merchant_clock_warning'] as const
const envName = (slot: string) => `TARO_APP_WECHAT_TMPL_${slot.toUpperCase()}`

/** The env `taro build --type weapp` (production mode) saw: later files win, the shell wins over files. */
function buildEnv(): Record<string, string> {
  const merged: Record<string, string> = {}
  for (const file of ['.env', '.env.local', '.env.production', '.env.production.local']) {
    if (existsSync(join(ROOT, file))) Object.assign(merged, parse(readFileSync(join(ROOT, file))))
  }
  for (const key of Object.keys(merged)) if (process.env[key] !== undefined) merged[key] = process.env[key]!
  return merged
}

const ENV = buildEnv()
const configured = (slots: readonly string[]) =>
  slots.map((slot) => ({ slot, id: (ENV[envName(slot)] ?? '').trim() })).filter((s) => s.id !== '')
const CONSUMER_IDS = configured(CONSUMER_SLOTS)
const MERCHANT_IDS = configured(MERCHANT_SLOTS)

// a build made with other ids than this shell has would make every expectation below wrong: say so
const bundle = readdirSync(DIST)
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(join(DIST, f), 'utf8'))
  .join('\n')
for (const { id } of [...CONSUMER_IDS, ...MERCHANT_IDS]) {
  if (!bundle.includes(JSON.stringify(id)))
    throw new Error(`dist/weapp was built without template id ${id}: rebuild with the same TARO_APP_WECHAT_TMPL_* values`)
}

// ---- the fake WeChat: cloud functions + the subscribe prompt the test answers ----------------------
type PromptAnswer = { ok: Record<string, string> } | { fail: string }
let answer: PromptAnswer = { ok: {} }
const prompts: { tmplIds: string[]; duringTap: boolean }[] = []
const order: string[] = [] // prompt and cloud calls, in the order they happened
let tapping = false

function cloud({ name, data }: CloudCall) {
  order.push(`${name}.${String(data.action)}`)
  if (name === 'consumer' && data.action === 'getMerchantEntry') {
    return {
      ok: true,
      data: {
        merchant: { code: SHOP.code, name: SHOP.name, industry: '食品', address: '星河路88号', booth: 'B1-12' },
        site: { name: '星河广场', hotline: '0571-88812315' },
      },
    }
  }
  if (name === 'consumer' && data.action === 'submitComplaint') {
    const receipt = {
      caseId: 'case-1',
      caseNo: 'KS-20261122-0001',
      queryCode: 'K7M2Q9XR',
      status: 'received',
      createdAt: '2026-11-22T10:00:00+08:00',
    }
    return {
      ok: true,
      data: { ...receipt, nextStep: '24小时内告知是否受理', merchantName: SHOP.name, siteName: '星河广场', hotline: '0571-88812315' },
    }
  }
  if (name === 'inbox' && data.action === 'list') {
    const item = {
      id: 'm1',
      caseId: 'case-1',
      template: 'merchant.submitted',
      title: '收到新投诉',
      body: '涉及贵店的投诉（KS-20261122-0001）已提交，等待受理。',
      createdAt: '2026-11-22T10:00:00+08:00',
      readAt: null,
    }
    return { ok: true, data: { unread: 1, items: [item] } }
  }
  if (name === 'inbox' && data.action === 'recordSubscriptions') return { ok: true, data: { recorded: (data.accepted as string[]).length } }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(cloud)
interface PromptOptions {
  tmplIds: string[]
  success?: (res: Record<string, string>) => void
  fail?: (res: { errMsg: string; errCode: number }) => void
}
// WeChat answers after the person chose in its own dialog: a turn later, through the callbacks
fake.wx.requestSubscribeMessage = (options: PromptOptions) => {
  prompts.push({ tmplIds: [...options.tmplIds], duringTap: tapping })
  order.push('wx.requestSubscribeMessage')
  const chosen = answer
  setTimeout(
    () =>
      'ok' in chosen
        ? options.success?.({ errMsg: 'requestSubscribeMessage:ok', ...chosen.ok })
        : options.fail?.({ errMsg: chosen.fail, errCode: 20004 }),
    0,
  )
}

const recordCalls = () =>
  fake.cloudCalls.filter((c) => c.name === 'inbox' && c.data.action === 'recordSubscriptions').map((c) => c.data.accepted)
const submissions = () => fake.cloudCalls.filter((c) => c.data.action === 'submitComplaint')

let complainHost: PageHost
let merchantHost: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: COMPLAIN, query: { scene: SHOP.code } })
  complainHost = hostPage(COMPLAIN)
  merchantHost = hostPage(MERCHANT_INBOX)
})
afterAll(() => {
  complainHost?.dispose()
  merchantHost?.dispose()
})
beforeEach(() => {
  fake.reset()
  prompts.length = 0
  order.length = 0
  answer = { ok: {} }
})
afterEach(() => {
  page?.close()
  page = undefined
})

/**
 * Taps, marking the synchronous run of the tap's handlers: simulate fires the tap in a microtask,
 * first on the DOM (this listener), then through exparser into Taro and the page, all in one go.
 * The microtask queued here runs right after that, so a prompt made after any `await` in the handler
 * sees `tapping` false — which is what WeChat would refuse.
 */
function tap(p: OpenedPage, selector: string) {
  const node = p.find(selector)
  const mark = () => {
    tapping = true
    void Promise.resolve().then(() => {
      tapping = false
    })
  }
  node.dom!.addEventListener('tap', mark, { once: true })
  p.tap(node)
}

/** The shortest valid 投诉, typed into the built page; resolves once the draft holds the consent tick. */
async function fillComplaint(): Promise<OpenedPage> {
  page = complainHost.open({ scene: SHOP.code })
  const p = page
  await p.settle('shop shown', () => p.text().includes(SHOP.name))
  p.type(p.find('.text-field--name'), '王小明')
  p.type(p.find('.text-field--phone'), '13800138000')
  p.type(p.find('.text-field--address'), '星河路1号')
  p.find('.select-field__picker--problemType').dispatchEvent('change', { detail: { value: 0 } })
  p.tap(p.find('.demand-checkboxes__refund'))
  p.type(p.find('.complaint__textarea'), '今天中午在店里吃的麻辣烫里有一根头发，要求退款')
  p.tap(p.find('.consent-block__agree'))
  type Stored = { fields: Record<string, unknown> } | undefined
  await p.settle('the draft saved the consent tick', () => (fake.storage.get(DRAFT_KEY) as Stored)?.fields.consentAgreed === true)
  return p
}

const withConsumerIds = CONSUMER_IDS.length > 0 ? test : test.skip
const withoutConsumerIds = CONSUMER_IDS.length === 0 ? test : test.skip
const withMerchantIds = MERCHANT_IDS.length > 0 ? test : test.skip
const withoutMerchantIds = MERCHANT_IDS.length === 0 ? test : test.skip

describe('the built complaint page: 提交 asks for 受理/答复/办结 notices', () => {
  withConsumerIds(
    'when submit is tapped, then WeChat is asked within the tap (before the submission) for the configured ids, and only the accepted slots are reported after the case exists',
    async () => {
      const p = await fillComplaint()
      const [first, ...rest] = CONSUMER_IDS
      answer = { ok: { [first.id]: 'accept', ...Object.fromEntries(rest.map((s) => [s.id, 'reject'])) } }

      tap(p, '.complaint__submit')
      await p.settle('redirected to the receipt', () => fake.redirects.length > 0)
      await p.settle('subscriptions recorded', () => recordCalls().length > 0)

      expect(prompts).toEqual([{ tmplIds: CONSUMER_IDS.map((s) => s.id), duringTap: true }])
      expect(recordCalls()).toEqual([[first.slot]])
      expect(order.filter((o) => o !== 'consumer.getMerchantEntry')).toEqual([
        'wx.requestSubscribeMessage',
        'consumer.submitComplaint',
        'inbox.recordSubscriptions',
      ])
    },
  )

  withConsumerIds(
    'when the person refuses (or closes) the prompt, then the complaint is still submitted and nothing is reported',
    async () => {
      const p = await fillComplaint()
      answer = { fail: 'requestSubscribeMessage:fail cancel' }

      tap(p, '.complaint__submit')
      await p.settle('redirected to the receipt', () => fake.redirects.length > 0)
      for (let turn = 0; turn < 20; turn++) await new Promise((r) => setTimeout(r, 0)) // the prompt's answer arrives and is handled

      expect(prompts).toHaveLength(1)
      expect(submissions()).toHaveLength(1)
      expect(recordCalls()).toEqual([])
    },
  )

  withConsumerIds('when the person rejects every template, then the complaint is submitted and nothing is reported', async () => {
    const p = await fillComplaint()
    answer = { ok: Object.fromEntries(CONSUMER_IDS.map((s) => [s.id, 'reject'])) }

    tap(p, '.complaint__submit')
    await p.settle('redirected to the receipt', () => fake.redirects.length > 0)
    for (let turn = 0; turn < 20; turn++) await new Promise((r) => setTimeout(r, 0))

    expect(submissions()).toHaveLength(1)
    expect(recordCalls()).toEqual([])
  })

  withoutConsumerIds(
    'when no template id is configured, then submit asks WeChat nothing and the complaint goes straight through',
    async () => {
      const p = await fillComplaint()

      tap(p, '.complaint__submit')
      await p.settle('redirected to the receipt', () => fake.redirects.length > 0)

      expect(prompts).toEqual([])
      expect(submissions()).toHaveLength(1)
      expect(recordCalls()).toEqual([])
    },
  )

  test('when submit is tapped on an invalid form, then WeChat is not asked (there is nothing to be notified about)', async () => {
    page = complainHost.open({ scene: SHOP.code })
    const p = page
    await p.settle('shop shown', () => p.text().includes(SHOP.name))

    tap(p, '.complaint__submit')
    await p.settle('field errors shown', () => p.text().includes('请填写投诉内容'))

    expect(prompts).toEqual([])
    expect(submissions()).toEqual([])
  })
})

describe('the built merchant inbox: 开启微信提醒', () => {
  async function openInbox(): Promise<OpenedPage> {
    page = merchantHost.open({})
    const p = page
    await p.settle('the message shown', () => p.text().includes('收到新投诉'))
    return p
  }

  withMerchantIds(
    'when the clerk taps 开启微信提醒 and allows, then WeChat is asked within the tap for the merchant ids and the accepted ones are recorded',
    async () => {
      const p = await openInbox()
      answer = { ok: Object.fromEntries(MERCHANT_IDS.map((s) => [s.id, 'accept'])) }

      tap(p, '.merchant-inbox__alerts .action-button')
      await p.settle('told it is on', () => p.text().includes('已开启'))
      await p.settle('recorded', () => recordCalls().length > 0)

      expect(prompts).toEqual([{ tmplIds: MERCHANT_IDS.map((s) => s.id), duringTap: true }])
      expect(recordCalls()).toEqual([MERCHANT_IDS.map((s) => s.slot)])
    },
  )

  withMerchantIds('when the clerk refuses, then nothing is recorded and the page says the alerts are off', async () => {
    const p = await openInbox()
    answer = { fail: 'requestSubscribeMessage:fail cancel' }

    tap(p, '.merchant-inbox__alerts .action-button')
    await p.settle('told it is off', () => p.text().includes('未开启微信提醒'))

    expect(recordCalls()).toEqual([])
  })

  withoutMerchantIds('when no merchant template id is configured, then there is no 开启微信提醒 button', async () => {
    const p = await openInbox()
    expect(p.text()).not.toContain('开启微信提醒')
  })
})

// ---- layer 2: the module logic, with a stubbed Taro and transport ----------------------------------
describe('subscribe.weapp.ts + subscribe-record.ts (stubbed Taro)', () => {
  type Module = typeof import('../../src/api/subscribe.weapp')
  const ids = { CONSUMER_ACCEPTED: 'id-acc', CONSUMER_ANSWERED: '', CONSUMER_CLOSED: 'id-closed', MERCHANT_NEW_CASE: 'id-new' }

  function load(): {
    mod: Module
    askTaro: jest.Mock
    send: jest.Mock
    record: typeof import('../../src/api/subscribe-record').recordAcceptedSubscriptions
  } {
    const saved = { ...process.env }
    for (const [k, v] of Object.entries(ids)) process.env[`TARO_APP_WECHAT_TMPL_${k}`] = v
    let loaded!: ReturnType<typeof load>
    jest.isolateModules(() => {
      const taro = require('@tarojs/taro').default as { requestSubscribeMessage: jest.Mock }
      loaded = {
        mod: require('../../src/api/subscribe.weapp'),
        askTaro: taro.requestSubscribeMessage,
        send: require('../../src/api/transport').send,
        record: require('../../src/api/subscribe-record').recordAcceptedSubscriptions,
      }
    })
    process.env = saved
    return loaded
  }

  test('asks only for slots with an id, in order, and answers the accepted slots only', async () => {
    const { mod, askTaro } = load()
    askTaro.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'id-acc': 'accept', 'id-closed': 'reject' })
    await expect(mod.requestSubscriptions(CONSUMER_SLOTS)).resolves.toEqual(['consumer_accepted'])
    expect(askTaro).toHaveBeenCalledWith({ tmplIds: ['id-acc', 'id-closed'] })
    expect(mod.canRequestSubscriptions(['consumer_answered'])).toBe(false)
    expect(mod.canRequestSubscriptions(MERCHANT_SLOTS)).toBe(true)
  })

  test('a refusal, a rejected promise or a throwing API all answer [] (never block the filing)', async () => {
    const { mod, askTaro } = load()
    askTaro.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' })
    await expect(mod.requestSubscriptions(CONSUMER_SLOTS)).resolves.toEqual([])
    askTaro.mockImplementationOnce(() => {
      throw new TypeError('requestSubscribeMessage is not a function')
    })
    await expect(mod.requestSubscriptions(CONSUMER_SLOTS)).resolves.toEqual([])
  })

  test('with no id for any slot asked, WeChat is not asked at all', async () => {
    const { mod, askTaro } = load()
    await expect(mod.requestSubscriptions(['consumer_answered', 'consumer_return_visit'])).resolves.toEqual([])
    expect(askTaro).not.toHaveBeenCalled()
  })

  test('recording sends inbox.recordSubscriptions with the accepted slots, and nothing when none were accepted', async () => {
    const { send, record } = load()
    send.mockResolvedValue({ ok: true, data: { recorded: 1 } })
    await expect(record(Promise.resolve(['consumer_accepted']))).resolves.toBe(1)
    expect(send).toHaveBeenCalledWith('inbox', { action: 'recordSubscriptions', accepted: ['consumer_accepted'] })
    send.mockClear()
    await expect(record(Promise.resolve([]))).resolves.toBe(0)
    expect(send).not.toHaveBeenCalled()
  })
})
