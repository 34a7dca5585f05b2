import { tencentApiClient } from '../../../cloudfunctions/adapters/tencent/tencent-api-client'
import { maskPhonesIn, tencentSmsSender } from '../../../cloudfunctions/adapters/tencent/tencent-sms'
import { startTencentLoopback, type LoopbackReply, type ReceivedCall, type TencentLoopback } from '../../support/tencent-loopback'

const KEY = { secretId: 'AKIDsmsloopback000000000000000000001', secretKey: 'sms-loopback-secret-0000000000000001' }
const PHONE = '13812345678'
const MASKED = '138****5678'
const sentOk = {
  Response: {
    SendStatusSet: [{ SerialNo: '2640:1234', PhoneNumber: `+86${PHONE}`, Code: 'Ok', Message: 'send success' }],
    RequestId: 'r-1',
  },
}
const perNumber = (Code: string, Message: string) => ({
  Response: { SendStatusSet: [{ SerialNo: '', PhoneNumber: `+86${PHONE}`, Code, Message }], RequestId: 'r-2' },
})

describe('tencentSmsSender — SendSms 2021-01-11', () => {
  let loopback: TencentLoopback
  let reply: (call: ReceivedCall) => LoopbackReply
  let logLines: string[]
  beforeEach(async () => {
    reply = () => ({ json: sentOk })
    logLines = []
    loopback = await startTencentLoopback({ ...KEY, service: 'sms' }, (call) => reply(call))
  })
  afterEach(() => loopback.close())

  const sender = (credentials = KEY) =>
    tencentSmsSender({
      client: tencentApiClient({ credentials, region: 'ap-guangzhou', baseUrl: loopback.baseUrl }),
      sdkAppId: '1400006666',
      signName: '快诉',
      log: (line) => logLines.push(line),
    })
  const send = (s = sender(), phone = PHONE) => s.send({ phone, templateId: '1234567', params: ['KS-2026-0001', '3'] })

  it('when a message is sent, then the stand-in verifies the signature and the body has exactly the SendSms fields', async () => {
    expect(await send()).toEqual({ ok: true, providerId: '2640:1234' })
    const [call] = loopback.calls
    expect(call.verdict).toEqual({ ok: true })
    expect([call.action, call.version, call.region]).toEqual(['SendSms', '2021-01-11', 'ap-guangzhou'])
    expect(call.body).toEqual({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400006666',
      SignName: '快诉',
      TemplateId: '1234567',
      TemplateParamSet: ['KS-2026-0001', '3'],
    })
  })

  it('when the number is typed with +86, spaces or full-width digits, then Tencent receives it in E.164', async () => {
    await send(sender(), '+86 138 1234 5678')
    await send(sender(), '１３８１２３４５６７８')
    expect(loopback.calls.map((c) => c.body)).toMatchObject([
      { PhoneNumberSet: ['+8613812345678'] },
      { PhoneNumberSet: ['+8613812345678'] },
    ])
  })

  it('when Tencent answers HTTP 500, then the delivery failed and may be retried', async () => {
    reply = () => ({ status: 500, raw: 'oops' })
    expect(await send()).toMatchObject({ ok: false, retryable: true, code: 'HTTP_500' })
  })

  it('when the keys are refused (AuthFailure), then the delivery failed for good', async () => {
    const result = await send(sender({ ...KEY, secretKey: 'not-the-key' }))
    expect(result).toMatchObject({ ok: false, retryable: false, code: 'AuthFailure.SignatureFailure' })
  })

  it('when Tencent refuses the number and echoes it, then the failure detail and every log line show it masked', async () => {
    reply = () => ({ json: perNumber('InvalidParameterValue.IncorrectPhoneNumber', `invalid number +86${PHONE} (${PHONE})`) })
    const result = await send()
    expect(result).toEqual({
      ok: false,
      retryable: false,
      code: 'InvalidParameterValue.IncorrectPhoneNumber',
      detail: `to ${MASKED}: invalid number ${MASKED} (${MASKED})`,
    })
    expect(logLines.length).toBeGreaterThan(0)
    for (const line of logLines) expect(line).not.toMatch(/1381234|12345678/)
  })

  it('when a per-number window limit is hit, then it is retryable; when the daily limit is hit, then it is not', async () => {
    reply = () => ({ json: perNumber('LimitExceeded.PhoneNumberThirtySecondLimit', 'too fast') })
    expect(await send()).toMatchObject({ ok: false, retryable: true })
    reply = () => ({ json: perNumber('LimitExceeded.PhoneNumberDailyLimit', 'too many today') })
    expect(await send()).toMatchObject({ ok: false, retryable: false })
  })

  it('when a message is sent, then the success log line shows the number masked', async () => {
    await send()
    expect(logLines).toEqual([`sms sent to ${MASKED} template 1234567`])
  })

  it('when the number is not a mainland mobile, then nothing is sent and the detail is masked', async () => {
    const result = await send(sender(), '021-12345678')
    expect(result).toMatchObject({ ok: false, retryable: false, code: 'INVALID_PHONE' })
    expect(JSON.stringify(result)).not.toContain('12345678')
    expect(loopback.calls).toHaveLength(0)
  })

  it('when a text holds numbers with or without a country code, then maskPhonesIn hides each one', () => {
    expect(maskPhonesIn('a 13812345678 b +8613912345678 c 8615012345678')).toBe('a 138****5678 b 139****5678 c 150****5678')
  })
})
