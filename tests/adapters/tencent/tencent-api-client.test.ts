import { z } from 'zod'
import { tencentApiClient } from '../../../cloudfunctions/adapters/tencent/tencent-api-client'
import { startTencentLoopback, type LoopbackReply, type ReceivedCall, type TencentLoopback } from '../../support/tencent-loopback'

const KEY = { secretId: 'AKIDloopback0000000000000000000000001', secretKey: 'loopback-secret-key-0000000000000001' }
const Pong = z.object({ Pong: z.string() })
const ping = { service: 'sms', action: 'Ping', version: '2021-01-11', payload: { Hello: '你好' }, response: Pong }

describe('tencentApiClient — signed JSON POST, failures as values', () => {
  let loopback: TencentLoopback
  let reply: (call: ReceivedCall) => LoopbackReply
  beforeEach(async () => {
    reply = () => ({ json: { Response: { Pong: 'ok', RequestId: 'r-1' } } })
    loopback = await startTencentLoopback({ ...KEY, service: 'sms' }, (call) => reply(call))
  })
  afterEach(() => loopback.close())

  const client = (over: Partial<Parameters<typeof tencentApiClient>[0]> = {}) =>
    tencentApiClient({ credentials: KEY, region: 'ap-guangzhou', baseUrl: loopback.baseUrl, ...over })

  it('when a call is made, then the stand-in verifies its signature and sees action, version, region and body', async () => {
    const outcome = await client().call(ping)
    expect(outcome).toEqual({ ok: true, data: { Pong: 'ok' }, requestId: 'r-1' })
    const [call] = loopback.calls
    expect(call.verdict).toEqual({ ok: true })
    expect([call.action, call.version, call.region]).toEqual(['Ping', '2021-01-11', 'ap-guangzhou'])
    expect(call.body).toEqual({ Hello: '你好' })
  })

  it('when the secret key is wrong, then the stand-in refuses the signature and the failure is permanent', async () => {
    const outcome = await client({ credentials: { ...KEY, secretKey: KEY.secretKey + 'x' } }).call(ping)
    expect(loopback.calls[0].verdict).toEqual({ ok: false, reason: 'signature mismatch' })
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'AuthFailure.SignatureFailure', retryable: false } })
  })

  it('when the clock is more than five minutes off, then the stand-in refuses the request as expired', async () => {
    const outcome = await client({ now: () => new Date(Date.now() - 10 * 60_000) }).call(ping)
    expect(loopback.calls[0].verdict).toEqual({ ok: false, reason: 'signature expired' })
    expect(outcome.ok).toBe(false)
  })

  it('when Tencent answers HTTP 500, then the failure is retryable', async () => {
    reply = () => ({ status: 500, raw: 'upstream exploded' })
    expect(await client().call(ping)).toMatchObject({ ok: false, failure: { code: 'HTTP_500', retryable: true } })
  })

  it.each([
    ['RequestLimitExceeded', true],
    ['InternalError.ServerError', true],
    ['AuthFailure.SecretIdNotFound', false],
    ['InvalidParameterValue', false],
    ['MissingParameter', false],
  ])('when Response.Error is %s, then retryable is %s', async (Code, retryable) => {
    reply = () => ({ json: { Response: { Error: { Code, Message: 'said Tencent' }, RequestId: 'r-9' } } })
    expect(await client().call(ping)).toEqual({
      ok: false,
      failure: { code: Code, message: 'said Tencent', retryable, requestId: 'r-9' },
    })
  })

  it('when the reply is not the expected shape, then it is a permanent MALFORMED_RESPONSE', async () => {
    reply = () => ({ raw: '<html>captive portal</html>' })
    expect(await client().call(ping)).toMatchObject({ ok: false, failure: { code: 'MALFORMED_RESPONSE', retryable: false } })
    reply = () => ({ json: { Response: { Pong: 42 } } })
    expect(await client().call(ping)).toMatchObject({ ok: false, failure: { code: 'MALFORMED_RESPONSE' } })
  })

  it('when Tencent does not answer in time, then the call ends as a retryable TIMEOUT', async () => {
    reply = () => ({ hang: true })
    expect(await client({ timeoutMs: 100 }).call(ping)).toMatchObject({ ok: false, failure: { code: 'TIMEOUT', retryable: true } })
  })

  it('when nothing listens at the address, then the failure is a retryable NETWORK_ERROR', async () => {
    const closed = loopback.baseUrl
    await loopback.close()
    loopback = await startTencentLoopback({ ...KEY, service: 'sms' })
    const outcome = await tencentApiClient({ credentials: KEY, region: 'ap-guangzhou', baseUrl: closed }).call(ping)
    expect(outcome).toMatchObject({
      ok: false,
      failure: { code: 'NETWORK_ERROR', retryable: true, message: expect.stringContaining('ECONNREFUSED') },
    })
  })

  it('when no base URL is configured, then the request goes to https://<service>.tencentcloudapi.com/', async () => {
    const spy = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ Response: { Pong: 'ok' } })))
    try {
      await tencentApiClient({ credentials: KEY, region: 'ap-guangzhou' }).call({ ...ping, service: 'asr' })
      expect(String(spy.mock.calls[0][0])).toBe('https://asr.tencentcloudapi.com/')
    } finally {
      spy.mockRestore()
    }
  })
})
