import { tencentSmsSender } from '../../cloudfunctions/adapters/tencent/tencent-sms'
import { tencentApiClient } from '../../cloudfunctions/adapters/tencent/tencent-api-client'
import { httpWechatOpenApi } from '../../cloudfunctions/adapters/wechat/http-open-api'
import { wecomGroupRobot } from '../../cloudfunctions/adapters/wecom/wecom-webhook'
import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import type { NotifyChannels } from '../../cloudfunctions/services/notify/notify-channels'
import { deploymentDefaultContacts } from '../../src/domain/notify/deployment-defaults'
import { callAs } from '../support/call-as'
import { aSubmission, unique } from '../support/builders'
import { startJsonLoopback, type JsonLoopback, type RecordedRequest, type ScriptedReply } from '../support/json-loopback'
import { SHOP_A } from '../support/seed-shops'
import { startTencentLoopback, type TencentLoopback } from '../support/tencent-loopback'
import { openWorkflowWorld } from '../support/workflow-world'

const T0 = new Date('2026-03-10T06:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const SMS_KEY = { secretId: 'AKIDdispatch000000000000000000000001', secretKey: 'dispatch-secret-00000000000000000001' }

// The dispatcher against loopback stand-ins for WeChat, WeCom and Tencent Cloud SMS, on the real
// adapters: every message reaches the inbox and the channels it routes to, retried when a receiver
// fails, parked when it keeps failing, and never delivered twice — across a crash too.
describe('outbox dispatcher', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let wechat: JsonLoopback
  let wecom: JsonLoopback
  let sms: TencentLoopback
  let wecomReplies: ScriptedReply[]
  let channels: NotifyChannels
  const logLines: string[] = []

  beforeAll(async () => {
    world = await openWorkflowWorld(T0)
    wechat = await startJsonLoopback((req) =>
      req.path === '/cgi-bin/stable_token'
        ? { json: { access_token: 'TOKEN-1', expires_in: 7200 } }
        : { json: { errcode: 0, errmsg: 'ok', msgid: 1 } },
    )
    wecom = await startJsonLoopback(() => wecomReplies.shift() ?? { json: { errcode: 0, errmsg: 'ok' } })
    sms = await startTencentLoopback({ ...SMS_KEY, service: 'sms' }, () => ({
      json: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', SerialNo: 's-1' }], RequestId: 'r' } },
    }))
    channels = {
      wechat: {
        api: httpWechatOpenApi({ appId: 'wx0000000000000001', appSecret: 'app-secret', baseUrl: wechat.baseUrl, clock: world.deps.clock }),
        templateIds: { merchant_new_case: 'TMPL_MERCHANT_NEW_CASE_0001', consumer_accepted: 'TMPL_CONSUMER_ACCEPTED_0001' },
      },
      // the env's WECOM_WEBHOOK_KEY: the fallback group for escalations and red cards
      groupRobot: wecomGroupRobot({ baseUrl: wecom.baseUrl }),
      defaultContacts: deploymentDefaultContacts({ wecomKey: 'robot-key-1' }),
      // the SMS signature carries real time (Tencent checks it), so this client reads the system clock
      sms: {
        sender: tencentSmsSender({
          client: tencentApiClient({ credentials: SMS_KEY, region: 'ap-guangzhou', baseUrl: sms.baseUrl }),
          sdkAppId: '1400000001',
          signName: '快诉',
        }),
        templateId: '100001',
      },
      log: (line) => logLines.push(line),
    }
  })
  beforeEach(() => {
    wecomReplies = []
    world.deps.clock.set(T0)
  })
  afterAll(async () => {
    await Promise.all([wechat.close(), wecom.close(), sms.close()])
    await world.store.close()
  })

  const dispatch = (when: Date, extra: NotifyChannels = channels, options = {}) => dispatchOutbox(world.deps, extra, when, options)
  const sendsTo = (openid: string) =>
    wechat.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send' && (r.body as { touser: string }).touser === openid)
  const inboxOf = (role: 'consumer' | 'merchant' | 'station', id: string) => world.store.listInbox({ role, id }, { limit: 100, offset: 0 })
  // the shop was silent past its 45 minutes: filed and dispatched 50 minutes before T0, escalated at T0
  // (escalating earlier would be the station choosing to mediate, another event: escalation-event.ts)
  const escalated = async () => {
    world.deps.clock.set(new Date(T0.getTime() - 50 * 60_000))
    const caseId = await world.file(unique('shopper'))
    for (const step of ['accept', 'dispatch']) await world.act('station', caseId, step, world.who['st-a'])
    world.deps.clock.set(T0)
    await world.act('station', caseId, 'escalate', world.who['st-a'], '商家45分钟未响应')
    return caseId
  }

  it("when a shopper files, then the merchant's new-case alert leaves the outbox within one dispatcher cycle, to the inbox and the clerk's WeChat", async () => {
    await world.store.addSubscriptionAccepts('clerk-a', ['merchant_new_case'])
    const caseId = await world.file(unique('shopper'))
    await dispatch(T0)
    expect((await world.store.listPendingOutbox(1000)).filter((m) => m.caseId === caseId)).toEqual([])
    const caseNo = (await world.store.getCase(caseId))!.caseNo
    expect((await inboxOf('merchant', SHOP_A.id)).find((e) => e.caseId === caseId)).toMatchObject({
      template: 'merchant.submitted',
      readAt: null,
    })
    const [send] = sendsTo('clerk-a')
    expect(send.query).toEqual({ access_token: 'TOKEN-1' })
    expect(send.body).toMatchObject({
      touser: 'clerk-a',
      template_id: 'TMPL_MERCHANT_NEW_CASE_0001',
      page: `pages/merchant/case/index?id=${caseId}`,
      data: { character_string2: { value: caseNo.replace(/[^A-Za-z0-9_-]/g, '') } },
    })
    expect(await world.store.remainingSubscriptionSends('clerk-a', 'merchant_new_case')).toBe(0) // one accept, one send
    expect(logLines.some((l) => l.includes(caseNo))).toBe(true)
  })

  it('when the person has no subscribe-message send left, then the message goes to the inbox only', async () => {
    const shopper = unique('shopper')
    const caseId = await world.file(shopper)
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await dispatch(T0)
    expect(sendsTo(shopper)).toEqual([])
    expect((await inboxOf('consumer', shopper)).map((e) => e.template)).toEqual(['consumer.accepted'])
    await world.store.addSubscriptionAccepts(shopper, ['consumer_accepted'])
    await dispatch(at(1)) // the old message is not sent later just because a subscription arrived
    expect(sendsTo(shopper)).toEqual([])
  })

  it('when the work-group robot answers 500, then the escalation is retried after a backoff and delivered once; the inbox entry is not repeated', async () => {
    wecomReplies = [{ status: 500, raw: 'oops' }]
    const before = wecom.requests.length
    const caseId = await escalated()
    expect(await dispatch(T0)).toMatchObject({ retried: 1 })
    expect(await dispatch(at(10))).toMatchObject({ claimed: 0 }) // not before its backoff
    expect(await dispatch(at(31))).toMatchObject({ delivered: 1 })
    const posts = wecom.requests.slice(before)
    expect(posts).toHaveLength(2)
    expect(posts[1]).toMatchObject({
      method: 'POST',
      path: '/cgi-bin/webhook/send',
      query: { key: 'robot-key-1' },
      body: { msgtype: 'markdown' },
    })
    expect((posts[1].body as { markdown: { content: string } }).markdown.content).toContain((await world.store.getCase(caseId))!.caseNo)
    expect((await inboxOf('station', 'site-a')).filter((e) => e.caseId === caseId && e.template === 'station.escalated')).toHaveLength(1)
  })

  it('when a receiver keeps failing, then the row is parked after the last attempt for the station to see, and can be requeued', async () => {
    const caseId = await escalated()
    wecomReplies = Array.from({ length: 3 }, () => ({ status: 503, raw: 'down' }))
    for (const s of [0, 31, 92]) await dispatch(at(s), channels, { maxAttempts: 3 })
    const parked = (await world.store.listParkedOutbox(100)).filter((m) => m.caseId === caseId)
    expect(parked).toEqual([
      expect.objectContaining({
        template: 'station.escalated',
        status: 'parked',
        attempts: 3,
        lastError: expect.stringContaining('wecom'),
      }),
    ])
    expect(await world.store.requeueOutbox(parked[0].id, at(200).toISOString())).toBe(true)
    expect(await dispatch(at(200))).toMatchObject({ delivered: 1 })
  })

  it('when a person filed by a proxy helper is told of a step, then it goes by SMS, signed, with the phone masked in every log line', async () => {
    const proxyFiled = await callAs(
      world.deps,
      'proxy',
      { ...aSubmission(SHOP_A.code, { idempotencyKey: unique('px').padEnd(16, '0') }), action: 'fileComplaint', attestation: true },
      world.who['st-a'],
    )
    if (!proxyFiled.ok) throw new Error(proxyFiled.error.code)
    await world.act('station', proxyFiled.data.caseId, 'accept', world.who['st-a'])
    const before = sms.calls.length
    await dispatch(T0)
    const [call] = sms.calls.slice(before)
    expect(call.verdict).toEqual({ ok: true })
    expect(call.body).toMatchObject({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400000001',
      SignName: '快诉',
      TemplateId: '100001',
      TemplateParamSet: [proxyFiled.data.caseNo, expect.any(String)],
    })
    expect(logLines.join('\n')).not.toContain('13812345678')
  })

  describe('a dispatcher that dies mid-batch', () => {
    class Crash extends Error {}
    /** Channels that die before the n-th external send leaves the process. */
    const dyingBeforeSend = (n: number): NotifyChannels => {
      let sends = 0
      const die = () => {
        if (++sends === n) throw new Crash('killed')
      }
      return {
        ...channels,
        wechat: { ...channels.wechat!, api: { sendSubscribeMessage: (m) => (die(), channels.wechat!.api.sendSubscribeMessage(m)) } },
        groupRobot: { sendMarkdown: (key, c) => (die(), channels.groupRobot!.sendMarkdown(key, c)) },
      }
    }
    const received = (reqs: RecordedRequest[]) => reqs.map((r) => JSON.stringify(r.body))

    it.each([1, 2, 3, 4])(
      'when it dies before external send %i and a new one starts after the lease, then every message is delivered exactly once',
      async (n) => {
        await world.store.addSubscriptionAccepts('clerk-a', Array(10).fill('merchant_new_case'))
        const cases = [await escalated(), await escalated(), await world.file(unique('shopper'))]
        const wechatBefore = wechat.requests.length
        const wecomBefore = wecom.requests.length
        await expect(dispatch(T0, dyingBeforeSend(n))).rejects.toBeInstanceOf(Crash)
        await dispatch(at(30)) // still leased to the dead one: nothing is taken twice at once
        await dispatch(at(121)) // the lease ran out: a new dispatcher finishes the batch
        const sentWechat = received(wechat.requests.slice(wechatBefore).filter((r) => r.path.endsWith('/subscribe/send')))
        const sentWecom = received(wecom.requests.slice(wecomBefore))
        // a new-case alert when filed and when dispatched (same wording), one escalation per escalated case
        const perCase = cases.map((id) => sentWechat.filter((body) => body.includes(`?id=${id}"`)).length)
        expect(perCase).toEqual([2, 2, 1])
        expect(sentWecom).toHaveLength(2)
        expect(new Set(sentWecom).size).toBe(2)
        expect((await world.store.listPendingOutbox(5000)).filter((m) => cases.includes(m.caseId))).toEqual([])
        for (const caseId of cases) {
          const templates = (await inboxOf('merchant', SHOP_A.id)).filter((e) => e.caseId === caseId).map((e) => e.template)
          expect(templates).toContain('merchant.submitted')
          expect(new Set(templates).size).toBe(templates.length)
        }
      },
    )

    it('when it dies right after recording a send, then the new one does not send it again', async () => {
      await world.store.addSubscriptionAccepts('clerk-a', ['merchant_new_case'])
      const caseId = await world.file(unique('shopper'))
      const wechatBefore = wechat.requests.length
      const store = world.deps.store
      const record = store.recordDelivery.bind(store)
      store.recordDelivery = async (key, r) => {
        await record(key, r)
        throw new Crash(`killed after recording ${key.channel}`)
      }
      await expect(dispatch(T0)).rejects.toBeInstanceOf(Crash)
      store.recordDelivery = record
      await dispatch(at(121))
      expect(wechat.requests.slice(wechatBefore).filter((r) => r.path.endsWith('/subscribe/send'))).toHaveLength(1)
      expect((await world.store.listPendingOutbox(5000)).filter((m) => m.caseId === caseId)).toEqual([])
    })
  })
})
