/** @jest-environment jsdom */
// Asking for WeChat service notices (subscribe messages) on a tap, in two layers:
//  1. the built weapp in miniprogram-simulate: the complaint page's 提交 tap and the merchant inbox's
//     开启微信提醒 tap, against a fake `wx` whose requestSubscribeMessage the test plays. The template
//     ids are compiled into the build; this file runs a copy of dist/weapp with fixed test ids
//     (support/template-ids.ts), so the path where the deployment configured them runs on every
//     `npm test`. subscribe-prompt-no-ids.test.ts runs the same build with none.
//  2. src/api/subscribe.weapp.ts + subscribe-record.ts with a stubbed Taro and transport, so the
//     asking/answering logic (skip empty ids, accepted only, refusal and errors → []) runs on its own.
import { subscribeWorld } from './support/subscribe-world'
import { TEST_TEMPLATE_IDS } from './support/template-ids'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
jest.mock('../../src/api/transport', () => ({ send: jest.fn() }))

const CONSUMER_SLOTS = ['consumer_accepted', 'consumer_answered', 'consumer_closed'] as const
const MERCHANT_SLOTS = ['merchant_new_case', 'merchant_clock_warning'] as const
const idsOf = (slots: readonly (keyof typeof TEST_TEMPLATE_IDS)[]) => slots.map((slot) => TEST_TEMPLATE_IDS[slot])

const world = subscribeWorld(TEST_TEMPLATE_IDS)
const { prompts, order, recordCalls, submissions, redirects, tap } = world

describe('the built complaint page: 提交 asks for 受理/答复/办结 notices', () => {
  test('when submit is tapped, then WeChat is asked within the tap (before the submission) for the configured ids, and only the accepted slots are reported after the case exists', async () => {
    const p = await world.fillComplaint()
    const [first, ...rest] = idsOf(CONSUMER_SLOTS)
    world.answerWith({ ok: { [first]: 'accept', ...Object.fromEntries(rest.map((id) => [id, 'reject'])) } })

    tap(p, '.complaint__submit')
    await p.settle('redirected to the receipt', () => redirects.length > 0)
    await p.settle('subscriptions recorded', () => recordCalls().length > 0)

    expect(prompts).toEqual([{ tmplIds: idsOf(CONSUMER_SLOTS), duringTap: true }])
    expect(recordCalls()).toEqual([['consumer_accepted']])
    expect(order.filter((o) => o !== 'consumer.getMerchantEntry')).toEqual([
      'wx.requestSubscribeMessage',
      'consumer.submitComplaint',
      'inbox.recordSubscriptions',
    ])
  })

  test('when the person refuses (or closes) the prompt, then the complaint is still submitted and nothing is reported', async () => {
    const p = await world.fillComplaint()
    world.answerWith({ fail: 'requestSubscribeMessage:fail cancel' })

    tap(p, '.complaint__submit')
    await p.settle('redirected to the receipt', () => redirects.length > 0)
    await world.promptsAnswered()

    expect(prompts).toHaveLength(1)
    expect(submissions()).toHaveLength(1)
    expect(recordCalls()).toEqual([])
  })

  test('when the person rejects every template, then the complaint is submitted and nothing is reported', async () => {
    const p = await world.fillComplaint()
    world.answerWith({ ok: Object.fromEntries(idsOf(CONSUMER_SLOTS).map((id) => [id, 'reject'])) })

    tap(p, '.complaint__submit')
    await p.settle('redirected to the receipt', () => redirects.length > 0)
    await world.promptsAnswered()

    expect(submissions()).toHaveLength(1)
    expect(recordCalls()).toEqual([])
  })

  test('when submit is tapped on an invalid form, then WeChat is not asked (there is nothing to be notified about)', async () => {
    const p = await world.openComplaint()

    tap(p, '.complaint__submit')
    await p.settle('field errors shown', () => p.text().includes('请填写投诉内容'))

    expect(prompts).toEqual([])
    expect(submissions()).toEqual([])
  })
})

describe('the built merchant inbox: 开启微信提醒', () => {
  test('when the clerk taps 开启微信提醒 and allows, then WeChat is asked within the tap for the merchant ids and the accepted ones are recorded', async () => {
    const p = await world.openInbox()
    world.answerWith({ ok: Object.fromEntries(idsOf(MERCHANT_SLOTS).map((id) => [id, 'accept'])) })

    tap(p, '.merchant-inbox__alerts .action-button')
    await p.settle('told it is on', () => p.text().includes('已开启'))
    await p.settle('recorded', () => recordCalls().length > 0)

    expect(prompts).toEqual([{ tmplIds: idsOf(MERCHANT_SLOTS), duringTap: true }])
    expect(recordCalls()).toEqual([[...MERCHANT_SLOTS]])
  })

  test('when the clerk refuses, then nothing is recorded and the page says the alerts are off', async () => {
    const p = await world.openInbox()
    world.answerWith({ fail: 'requestSubscribeMessage:fail cancel' })

    tap(p, '.merchant-inbox__alerts .action-button')
    await p.settle('told it is off', () => p.text().includes('未开启微信提醒'))
    await world.promptsAnswered()

    expect(prompts).toHaveLength(1)
    expect(recordCalls()).toEqual([])
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
