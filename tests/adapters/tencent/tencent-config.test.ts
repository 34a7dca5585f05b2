import { tencentConfigFrom } from '../../../cloudfunctions/adapters/tencent/tencent-config'

const SECRET_ID = 'AKIDconfigtest00000000000000000000001'
const SECRET_KEY = 'config-secret-key-value-000000000001'
const KEYS = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY }
const SMS = { TENCENT_SMS_APP_ID: '1400006666', TENCENT_SMS_SIGN: '快诉' }

const problemsOf = (env: Record<string, string | undefined>) => {
  const result = tencentConfigFrom(env)
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.config)}`)
  return result.problems
}

describe('tencentConfigFrom — Tencent Cloud settings from the environment', () => {
  it('when nothing Tencent is set, then SMS and ASR are both off (the local defaults)', () => {
    expect(tencentConfigFrom({ PATH: '/usr/bin', TENCENT_SMS_SIGN: '' })).toEqual({ ok: true, config: { sms: null, asr: null } })
  })

  it('when keys, app id and sign are set, then SMS is configured for ap-guangzhou at the real endpoint', () => {
    expect(tencentConfigFrom({ ...KEYS, ...SMS })).toEqual({
      ok: true,
      config: {
        sms: {
          api: { credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY }, region: 'ap-guangzhou', baseUrl: null },
          sdkAppId: '1400006666',
          signName: '快诉',
        },
        asr: null,
      },
    })
  })

  it('when only the keys are set, then ASR stays off until TENCENT_ASR_ENABLED says so', () => {
    expect(tencentConfigFrom(KEYS)).toEqual({ ok: true, config: { sms: null, asr: null } })
    const on = tencentConfigFrom({
      ...KEYS,
      TENCENT_ASR_ENABLED: 'true',
      TENCENT_REGION: 'ap-shanghai',
      TENCENT_API_BASE_URL: 'http://127.0.0.1:9000/',
    })
    expect(on).toMatchObject({
      ok: true,
      config: { sms: null, asr: { engine: '16k_zh', api: { region: 'ap-shanghai', baseUrl: 'http://127.0.0.1:9000' } } },
    })
  })

  it('when the SMS app id is given without keys, then the message names both missing key variables', () => {
    expect(problemsOf(SMS)).toEqual([
      'TENCENTCLOUD_SECRET_ID：未设置（已设置 TENCENT_SMS_APP_ID，发送短信还需要它）',
      'TENCENTCLOUD_SECRET_KEY：未设置（已设置 TENCENT_SMS_APP_ID，发送短信还需要它）',
    ])
  })

  it('when the sign is given without the app id, then the app id is named', () => {
    expect(problemsOf({ ...KEYS, TENCENT_SMS_SIGN: '快诉' })).toEqual([
      'TENCENT_SMS_APP_ID：未设置（已设置 TENCENT_SMS_SIGN，发送短信还需要它）',
    ])
  })

  it('when one half of the key pair is set, then the other half is named and no secret value appears', () => {
    const problems = problemsOf({ TENCENTCLOUD_SECRET_KEY: SECRET_KEY, TENCENT_ASR_ENABLED: '1' })
    expect(problems).toEqual(['TENCENTCLOUD_SECRET_ID：未设置（已设置 TENCENTCLOUD_SECRET_KEY，两者须成对设置）'])
    expect(problemsOf({ TENCENTCLOUD_SECRET_ID: SECRET_ID })).toEqual([
      'TENCENTCLOUD_SECRET_KEY：未设置（已设置 TENCENTCLOUD_SECRET_ID，两者须成对设置）',
    ])
  })

  it('when values are malformed, then each is named without echoing any value', () => {
    const problems = problemsOf({
      TENCENTCLOUD_SECRET_ID: 'has space',
      TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
      TENCENT_SMS_APP_ID: 'app-abc',
      TENCENT_SMS_SIGN: '快诉',
      TENCENT_API_BASE_URL: 'https://proxy.example/tencent',
      TENCENT_ASR_ENABLED: 'yes',
    })
    expect(problems.map((p) => p.split('：')[0]).sort()).toEqual([
      'TENCENTCLOUD_SECRET_ID',
      'TENCENT_API_BASE_URL',
      'TENCENT_ASR_ENABLED',
      'TENCENT_SMS_APP_ID',
    ])
    for (const p of problems) expect(p).not.toMatch(/has space|app-abc|proxy\.example|yes|config-secret/)
  })
})
