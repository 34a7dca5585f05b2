/** @jest-environment jsdom */
// A clerk joins a shop by scanning in WeChat (issue 15): the station's invite is a mini-program code
// whose `scene` is the invite code, opening pages/merchant/join. The built page redeems it at once
// (merchant.redeemInvite binds the scanning OPENID as a pending member), says the station still has
// to approve, and right then offers 开启微信提醒 — WeChat's subscribe prompt, which it shows only on a
// tap. Runs a copy of dist/weapp with test template ids compiled in (support/template-ids.ts).
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { assertWeappBuilt, bootApp } from './support/mini-program'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'
import { TEST_TEMPLATE_IDS, weappWithTemplateIds, type WeappCopy } from './support/template-ids'
import { untilTrue } from './support/turns'

const JOIN = 'pages/merchant/join/index'
const INVITE = 'K7M2Q9XRAB34'
const PENDING = { membershipId: 'mem-1', status: 'pending', statusLabel: '等待维权站审核', merchantName: '味道小馆', siteName: '星河广场' }

let joined = false
function cloud({ name, data }: CloudCall): unknown {
  const action = `${name}.${String(data.action)}`
  if (action === 'merchant.redeemInvite') {
    if (data.code !== INVITE) return { ok: false, error: { code: 'INVITE_NOT_FOUND', message: '邀请码无效或已过期' } }
    joined = true
    return { ok: true, data: PENDING }
  }
  if (action === 'merchant.myMemberships') return { ok: true, data: { items: joined ? [PENDING] : [] } }
  if (action === 'inbox.recordSubscriptions') return { ok: true, data: { recorded: (data.accepted as string[]).length } }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

assertWeappBuilt()
const fake = createFakeWx(cloud)
const prompts: string[][] = []
fake.wx.requestSubscribeMessage = (options: { tmplIds: string[]; success?: (res: Record<string, string>) => void }) => {
  prompts.push([...options.tmplIds])
  // WeChat answers a turn later, after the person chose: allow everything asked
  setTimeout(
    () => options.success?.({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])) }),
    0,
  )
}

let build: WeappCopy
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  build = weappWithTemplateIds(TEST_TEMPLATE_IDS)
  bootApp(fake.wx, { path: JOIN, query: { scene: INVITE } }, build.dir)
  host = hostPage(JOIN)
})
afterAll(() => {
  host?.dispose()
  build?.dispose()
})
beforeEach(() => {
  fake.reset()
  prompts.length = 0
  joined = false
})
afterEach(() => {
  page?.close()
  page = undefined
})

const actions = () => fake.cloudCalls.map((c) => `${c.name}.${String(c.data.action)}`)

describe('the built join page, opened by scanning the invite mini-program code', () => {
  test('when WeChat opens it with the invite as scene, then the request is sent at once and the page says it waits for the station', async () => {
    page = host.open({ scene: INVITE })
    const p = page
    await p.settle('the pending request shown', () => p.text().includes('等待维权站审核'))

    expect(fake.cloudCalls[0]).toEqual({ name: 'merchant', data: { action: 'redeemInvite', code: INVITE } })
    expect(p.text()).toContain('味道小馆')
    expect(prompts).toEqual([]) // nothing is asked before the clerk taps
  })

  test('when the clerk then taps 开启微信提醒, then WeChat asks for the merchant alert templates and the allowed ones are recorded', async () => {
    page = host.open({ scene: INVITE })
    const p = page
    await p.settle('the alerts button shown', () => p.text().includes('开启微信提醒'))

    p.tap(p.find('.merchant-inbox__alerts .action-button'))
    await p.settle('recorded', () => actions().includes('inbox.recordSubscriptions'))

    expect(prompts).toEqual([[TEST_TEMPLATE_IDS.merchant_new_case, TEST_TEMPLATE_IDS.merchant_clock_warning]])
    await untilTrue('told it is on', () => p.text().includes('已开启'), p.text)
  })

  test('when the page opens without a scene, then it asks for the code and sends nothing', async () => {
    page = host.open({})
    const p = page
    await p.settle('the code form shown', () => p.text().includes('提交绑定申请'))

    expect(actions()).toEqual(['merchant.myMemberships'])
  })
})
