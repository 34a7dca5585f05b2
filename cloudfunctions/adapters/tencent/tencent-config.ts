import { z } from 'zod'

// Tencent Cloud settings from process.env, parsed once at boot. Each service is either fully configured
// or absent (null → the local defaults: inbox-only notifications, typing instead of voice). Half a
// configuration is refused with a sentence naming what is missing; values are never echoed, as the
// variables around them are keys.

const SECRET_ID = 'TENCENTCLOUD_SECRET_ID'
const SECRET_KEY = 'TENCENTCLOUD_SECRET_KEY'
const SMS_APP_ID = 'TENCENT_SMS_APP_ID'
const SMS_SIGN = 'TENCENT_SMS_SIGN'

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'))

const secret = z.string().regex(/^\S+$/, { error: '不能含空白字符' }).optional()

const originOnly = (u: string) => {
  const url = new URL(u)
  return url.pathname === '/' && !url.search && !url.hash
}

export const TencentEnvSchema = z
  .object({
    [SECRET_ID]: secret,
    [SECRET_KEY]: secret,
    /** with temporary (role) credentials only */
    TENCENTCLOUD_SESSION_TOKEN: secret,
    TENCENT_REGION: z
      .string()
      .regex(/^[a-z]+(-[a-z]+)+(-\d+)?$/, { error: '应形如 ap-guangzhou' })
      .default('ap-guangzhou'),
    [SMS_APP_ID]: z
      .string()
      .regex(/^\d{5,20}$/, { error: '应为短信应用的 SdkAppId，一串数字，如 1400006666' })
      .optional(),
    [SMS_SIGN]: z.string().trim().min(1).max(30, { error: '签名太长' }).optional(),
    TENCENT_API_BASE_URL: z
      .url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的网址' })
      // Tencent signs the path "/", so a prefix would break every signature at the real endpoint.
      .refine(originOnly, { error: '只能写 协议://主机[:端口]，不能带路径' })
      .optional(),
    TENCENT_ASR_ENABLED: bool(false),
  })
  .superRefine((env, ctx) => {
    const missing = new Map<string, string>() // first reason wins: one line per variable
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name] && !missing.has(name)) missing.set(name, why)
    }
    if (env[SECRET_ID] && !env[SECRET_KEY]) need(SECRET_KEY, `已设置 ${SECRET_ID}，两者须成对设置`)
    if (env[SECRET_KEY] && !env[SECRET_ID]) need(SECRET_ID, `已设置 ${SECRET_KEY}，两者须成对设置`)
    const smsGiven = env[SMS_APP_ID] ? SMS_APP_ID : env[SMS_SIGN] ? SMS_SIGN : null
    if (smsGiven)
      for (const name of [SMS_APP_ID, SMS_SIGN, SECRET_ID, SECRET_KEY] as const) need(name, `已设置 ${smsGiven}，发送短信还需要它`)
    if (env.TENCENT_ASR_ENABLED)
      for (const name of [SECRET_ID, SECRET_KEY] as const) need(name, 'TENCENT_ASR_ENABLED=true 时语音识别需要它')
    for (const [name, why] of missing) ctx.addIssue({ code: 'custom', path: [name], message: `未设置（${why}）` })
  })
  .transform((env) => {
    const secretId = env[SECRET_ID]
    const secretKey = env[SECRET_KEY]
    const api =
      secretId && secretKey
        ? {
            credentials: {
              secretId,
              secretKey,
              ...(env.TENCENTCLOUD_SESSION_TOKEN ? { sessionToken: env.TENCENTCLOUD_SESSION_TOKEN } : {}),
            },
            region: env.TENCENT_REGION,
            baseUrl: env.TENCENT_API_BASE_URL?.replace(/\/+$/, '') ?? null,
          }
        : null
    const sdkAppId = env[SMS_APP_ID]
    const signName = env[SMS_SIGN]
    return {
      sms: api && sdkAppId && signName ? { api, sdkAppId, signName } : null,
      // ASR costs money per call, so keys alone (there for SMS) do not switch it on.
      asr: api && env.TENCENT_ASR_ENABLED ? { api, engine: '16k_zh' } : null,
    }
  })

export type TencentConfig = z.output<typeof TencentEnvSchema>
export type TencentApiConfig = NonNullable<TencentConfig['sms']>['api']

export type TencentConfigResult = { ok: true; config: TencentConfig } | { ok: false; problems: string[] }

export function tencentConfigFrom(env: Record<string, string | undefined>): TencentConfigResult {
  // An empty variable means "not set", as people write `TENCENT_SMS_SIGN= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = TencentEnvSchema.safeParse(present)
  if (parsed.success) return { ok: true, config: parsed.data }
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`) }
}
