import { createFakeWx, type CloudCall } from './fake-wx'
import { assertWeappBuilt, bootApp } from './mini-program'
import { hostPage, type OpenedPage, type PageHost } from './page-host'
import { weappWithTemplateIds, type TemplateIds } from './template-ids'
import { untilTrue } from './turns'

// The world of the subscribe-prompt tests: the built weapp (a copy of dist/weapp with the given
// template ids compiled in, see template-ids.ts) booted against a fake `wx` whose cloud plays the
// consumer and inbox functions, and whose requestSubscribeMessage the test answers. Call once at the
// top level of a test file: it registers the jest hooks that boot, reset and clean up.

export const SHOP = { code: 'WDXG26', name: '味道小馆' }
const COMPLAIN = 'pages/consumer/complain/index'
const MERCHANT_INBOX = 'pages/merchant/inbox/index'
const DRAFT_KEY = `kuaisu:draft:${SHOP.code}`

type PromptAnswer = { ok: Record<string, string> } | { fail: string }

function cloud({ name, data }: CloudCall) {
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

interface PromptOptions {
  tmplIds: string[]
  success?: (res: Record<string, string>) => void
  fail?: (res: { errMsg: string; errCode: number }) => void
}

export function subscribeWorld(ids: TemplateIds) {
  assertWeappBuilt()
  const build = weappWithTemplateIds(ids)
  const prompts: { tmplIds: string[]; duringTap: boolean }[] = []
  const order: string[] = [] // prompt and cloud calls, in the order they happened
  let answer: PromptAnswer = { ok: {} }
  let answered = 0 // prompts whose answer WeChat has delivered
  let tapping = false

  const fake = createFakeWx((call) => {
    order.push(`${call.name}.${String(call.data.action)}`)
    return cloud(call)
  })
  // WeChat answers after the person chose in its own dialog: a turn later, through the callbacks
  fake.wx.requestSubscribeMessage = (options: PromptOptions) => {
    prompts.push({ tmplIds: [...options.tmplIds], duringTap: tapping })
    order.push('wx.requestSubscribeMessage')
    const chosen = answer
    setTimeout(() => {
      if ('ok' in chosen) options.success?.({ errMsg: 'requestSubscribeMessage:ok', ...chosen.ok })
      else options.fail?.({ errMsg: chosen.fail, errCode: 20004 })
      answered++
    }, 0)
  }

  let complainHost: PageHost
  let merchantHost: PageHost
  let page: OpenedPage | undefined

  beforeAll(() => {
    bootApp(fake.wx, { path: COMPLAIN, query: { scene: SHOP.code } }, build.dir)
    complainHost = hostPage(COMPLAIN)
    merchantHost = hostPage(MERCHANT_INBOX)
  })
  afterAll(() => {
    complainHost?.dispose()
    merchantHost?.dispose()
    build.dispose()
  })
  beforeEach(() => {
    fake.reset()
    prompts.length = 0
    order.length = 0
    answer = { ok: {} }
    answered = 0
  })
  afterEach(() => {
    page?.close()
    page = undefined
  })

  /** The complaint page opened for the shop, once it shows the shop. */
  async function openComplaint(): Promise<OpenedPage> {
    page = complainHost.open({ scene: SHOP.code })
    const p = page
    await p.settle('shop shown', () => p.text().includes(SHOP.name))
    return p
  }

  return {
    prompts,
    order,
    /** how the person answers the next prompt */
    answerWith(next: PromptAnswer) {
      answer = next
    },
    recordCalls: () =>
      fake.cloudCalls.filter((c) => c.name === 'inbox' && c.data.action === 'recordSubscriptions').map((c) => c.data.accepted),
    submissions: () => fake.cloudCalls.filter((c) => c.data.action === 'submitComplaint'),
    redirects: fake.redirects,

    /**
     * Resolves once WeChat delivered its answer to every prompt so far, and the page had a turn to
     * handle it. What the page does with an answer (Taro's promise, then recording) runs in promise
     * jobs right after the callback, so when this resolves the page has done all it will do with it.
     */
    promptsAnswered: () => untilTrue('WeChat answered the prompt', () => prompts.length > 0 && answered === prompts.length),

    /**
     * Taps, marking the synchronous run of the tap's handlers: simulate fires the tap in a microtask,
     * first on the DOM (this listener), then through exparser into Taro and the page, all in one go.
     * The microtask queued here runs right after that, so a prompt made after any `await` in the
     * handler sees `tapping` false — which is what WeChat would refuse.
     */
    tap(p: OpenedPage, selector: string) {
      const node = p.find(selector)
      const mark = () => {
        tapping = true
        void Promise.resolve().then(() => {
          tapping = false
        })
      }
      node.dom!.addEventListener('tap', mark, { once: true })
      p.tap(node)
    },

    openComplaint,

    /** The shortest valid 投诉, typed into the built page; resolves once the draft holds the consent tick. */
    async fillComplaint(): Promise<OpenedPage> {
      const p = await openComplaint()
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
    },

    /** The merchant inbox, once it shows its one message. */
    async openInbox(): Promise<OpenedPage> {
      page = merchantHost.open({})
      const p = page
      await p.settle('the message shown', () => p.text().includes('收到新投诉'))
      return p
    },
  }
}
