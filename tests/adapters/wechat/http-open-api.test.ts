import { fixedClock } from '../../../cloudfunctions/adapters/system/system-clock'
import { httpWechatOpenApi } from '../../../cloudfunctions/adapters/wechat/http-open-api'
import type { SubscribeMessage } from '../../../cloudfunctions/ports/wechat-open-api'
import { startJsonLoopback, type JsonLoopback, type RecordedRequest, type ScriptedReply } from '../../support/json-loopback'

const APP_ID = 'wx1234567890abcdef'
const SECRET = 'app-secret-never-shown-0123456789'

const message: SubscribeMessage = {
  touser: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
  templateId: 'x5VnaxFdQSgE3K3JcR6mGz3fZ0kz5TtOaCzQ7Tg8c1E',
  page: 'pages/consumer/case/index?id=c1',
  data: {
    thing1: { value: '老王记手机维修' },
    character_string2: { value: 'KS-20261122-0007' },
    time3: { value: '2026年11月22日 14:05' },
    phrase4: { value: '已受理' },
  },
  miniprogramState: 'trial',
}

// A stand-in for api.weixin.qq.com: hands out numbered tokens, and answers sends as the test says.
let wechat: JsonLoopback
let tokensIssued: number
let sendReplies: ScriptedReply[]
let tokenReply: (() => ScriptedReply) | null

beforeEach(async () => {
  tokensIssued = 0
  sendReplies = []
  tokenReply = null
  wechat = await startJsonLoopback((req) => {
    if (req.path === '/cgi-bin/stable_token') {
      if (tokenReply) return tokenReply()
      tokensIssued++
      return { json: { access_token: `TOKEN-${tokensIssued}`, expires_in: 7200 } }
    }
    return sendReplies.shift() ?? { json: { errcode: 0, errmsg: 'ok', msgid: 2712861957650489344 } }
  })
})
afterEach(() => wechat.close())

const api = (clock = fixedClock(new Date('2026-11-22T06:00:00Z'))) =>
  httpWechatOpenApi({ appId: APP_ID, appSecret: SECRET, baseUrl: wechat.baseUrl, clock, timeoutMs: 5000 })

const tokenCalls = () => wechat.requests.filter((r) => r.path === '/cgi-bin/stable_token')
const sends = () => wechat.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send')

describe('WeChat open API over HTTPS (self-hosted)', () => {
  it('when two messages are sent, then one stable token is fetched and both sends carry it with the documented body', async () => {
    const openApi = api()
    await expect(openApi.sendSubscribeMessage(message)).resolves.toEqual({ ok: true, providerId: expect.any(String) })
    await expect(openApi.sendSubscribeMessage(message)).resolves.toMatchObject({ ok: true })

    expect(tokenCalls()).toHaveLength(1)
    const [token] = tokenCalls()
    expect(token.method).toBe('POST')
    expect(token.body).toEqual({ grant_type: 'client_credential', appid: APP_ID, secret: SECRET })

    expect(sends()).toHaveLength(2)
    for (const send of sends()) {
      expect(send.method).toBe('POST')
      expect(send.query).toEqual({ access_token: 'TOKEN-1' })
      expect(send.body).toEqual({
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: 'trial',
        lang: 'zh_CN',
      })
    }
  })

  it('when several sends start together with no token yet, then the token is still fetched once', async () => {
    const openApi = api()
    const results = await Promise.all([1, 2, 3].map(() => openApi.sendSubscribeMessage(message)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(tokenCalls()).toHaveLength(1)
  })

  it('when the token nears its expiry, then a new one is fetched before it is used again', async () => {
    const clock = fixedClock(new Date('2026-11-22T06:00:00Z'))
    const openApi = api(clock)
    await openApi.sendSubscribeMessage(message)
    clock.advance(6899 * 1000) // just inside 7200 s minus the 300 s margin
    await openApi.sendSubscribeMessage(message)
    clock.advance(1000)
    await openApi.sendSubscribeMessage(message)
    expect(tokenCalls()).toHaveLength(2)
    expect(sends().map((s) => s.query.access_token)).toEqual(['TOKEN-1', 'TOKEN-1', 'TOKEN-2'])
  })

  it.each([40001, 42001])(
    'when a send answers %i, then the token is refreshed once and the send retried with the new one',
    async (errcode) => {
      sendReplies = [{ json: { errcode, errmsg: 'invalid credential' } }]
      await expect(api().sendSubscribeMessage(message)).resolves.toMatchObject({ ok: true })
      expect(tokenCalls()).toHaveLength(2)
      expect(sends().map((s) => s.query.access_token)).toEqual(['TOKEN-1', 'TOKEN-2'])
    },
  )

  it('when the fresh token is refused too, then it gives up after one retry with a retryable failure', async () => {
    sendReplies = [{ json: { errcode: 40001, errmsg: 'invalid credential' } }, { json: { errcode: 40001, errmsg: 'invalid credential' } }]
    const result = await api().sendSubscribeMessage(message)
    expect(result).toMatchObject({ ok: false, retryable: true, code: 'ACCESS_TOKEN_REJECTED' })
    expect(sends()).toHaveLength(2)
  })

  it('when the user has no subscription left (43101), then the failure is permanent NO_SUBSCRIPTION and not retried', async () => {
    sendReplies = [{ json: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }]
    const result = await api().sendSubscribeMessage(message)
    expect(result).toMatchObject({ ok: false, retryable: false, code: 'NO_SUBSCRIPTION' })
    expect(sends()).toHaveLength(1)
  })

  it('when WeChat is busy (-1), then the failure is retryable', async () => {
    sendReplies = [{ json: { errcode: -1, errmsg: 'system error' } }]
    await expect(api().sendSubscribeMessage(message)).resolves.toMatchObject({ ok: false, retryable: true, code: 'WECHAT_BUSY' })
  })

  it('when a send gets HTTP 500, then the failure is retryable and shows no token', async () => {
    sendReplies = [{ status: 500, raw: 'oops' }]
    const result = await api().sendSubscribeMessage(message)
    expect(result).toMatchObject({ ok: false, retryable: true, code: 'HTTP_500' })
    expect(JSON.stringify(result)).not.toContain('TOKEN-1')
  })

  it('when the secret is wrong, then no send is made and the permanent failure never shows the secret', async () => {
    tokenReply = () => ({ json: { errcode: 40125, errmsg: 'invalid appsecret' } })
    const result = await api().sendSubscribeMessage(message)
    expect(result).toMatchObject({ ok: false, retryable: false, code: 'TOKEN_WECHAT_40125' })
    expect(JSON.stringify(result)).not.toContain(SECRET)
    expect(sends()).toHaveLength(0)
  })

  it('when the token endpoint answers HTTP 503, then the failure is retryable', async () => {
    tokenReply = () => ({ status: 503, raw: 'busy' })
    await expect(api().sendSubscribeMessage(message)).resolves.toMatchObject({ ok: false, retryable: true, code: 'TOKEN_HTTP_503' })
  })

  it('when a value breaks WeChat limits, then nothing is sent and the failure is permanent INVALID_DATA', async () => {
    const tooLong = { ...message, data: { ...message.data, thing1: { value: '一'.repeat(21) } } }
    await expect(api().sendSubscribeMessage(tooLong)).resolves.toMatchObject({ ok: false, retryable: false, code: 'INVALID_DATA' })
    expect(wechat.requests).toEqual<RecordedRequest[]>([])
  })
})
