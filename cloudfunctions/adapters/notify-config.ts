import { z } from 'zod'
import { subscribeTemplateIds, type TemplateIds } from './wechat/subscribe-template-ids'

// Which notification channels the deployment switched on, from process.env, checked at boot. Each
// channel is all or nothing; half a channel is refused with a sentence naming what is missing.
const NotifyEnvSchema = z
  .object({
    WECOM_WEBHOOK_KEY: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/, { error: '应为企业微信群机器人地址中 key= 后面的一串字符' })
      .optional(),
    WECOM_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    WECHAT_APP_ID: z
      .string()
      .regex(/^wx[0-9a-f]{16}$/, { error: '应形如 wx 加 16 位十六进制' })
      .optional(),
    WECHAT_APP_SECRET: z
      .string()
      .regex(/^\S{16,64}$/, { error: '格式不正确' })
      .optional(),
    WECHAT_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    TENCENT_SMS_TEMPLATE_ID: z
      .string()
      .regex(/^\d{3,12}$/, { error: '应为短信正文模板 ID（数字）' })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (!!env.WECHAT_APP_ID !== !!env.WECHAT_APP_SECRET) {
      const missing = env.WECHAT_APP_ID ? 'WECHAT_APP_SECRET' : 'WECHAT_APP_ID'
      ctx.addIssue({ code: 'custom', path: [missing], message: '未设置（WECHAT_APP_ID 与 WECHAT_APP_SECRET 须成对设置）' })
    }
  })

export interface NotifyConfig {
  /** the deployment's fallback work group (key: null when none); the base URL serves every contact's group */
  wecom: { key: string | null; baseUrl?: string }
  /** self-hosted: our own AppID/AppSecret over HTTPS (in CloudBase, WECHAT_OPENAPI=cloud needs neither) */
  wechat: { appId: string; appSecret: string; baseUrl?: string } | null
  /** subscribe-message template per slot (WECHAT_TMPL_<SLOT>); a slot without one is inbox-only */
  templateIds: TemplateIds
  miniprogramState: 'developer' | 'trial' | 'formal'
  smsTemplateId: string | null
}

export type NotifyConfigResult = { ok: true; config: NotifyConfig } | { ok: false; problems: string[] }

export function notifyConfigFrom(env: Record<string, string | undefined>): NotifyConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = NotifyEnvSchema.safeParse(present)
  const templates = subscribeTemplateIds(env)
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`)), // values are secrets: never echoed
    ...(templates.ok ? [] : Object.entries(templates.errors).map(([name, why]) => `${name}：${why}`)),
  ]
  if (!parsed.success || !templates.ok) return { ok: false, problems }
  const e = parsed.data
  return {
    ok: true,
    config: {
      wecom: { key: e.WECOM_WEBHOOK_KEY ?? null, baseUrl: e.WECOM_API_BASE_URL },
      wechat:
        e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
          ? { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, baseUrl: e.WECHAT_API_BASE_URL }
          : null,
      templateIds: templates.ids,
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
      smsTemplateId: e.TENCENT_SMS_TEMPLATE_ID ?? null,
    },
  }
}
