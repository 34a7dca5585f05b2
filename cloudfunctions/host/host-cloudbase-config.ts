import { z } from 'zod'

// Hybrid mode (docs/evidence-files.md): the host shares its database with the cloud functions, and the
// files the mini-program uploaded are in CloudBase storage. CLOUDBASE_ENV names that environment; the
// host signs its storage calls with the deployer's Tencent Cloud API keys (the same variables as SMS and
// speech). Unset: null, and the host behaves as without the cloud. Values are never echoed.
const secret = z.string().regex(/^\S+$/, { error: '不能含空白字符' }).optional()

export const HostCloudbaseEnvSchema = z
  .object({
    CLOUDBASE_ENV: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, { error: '应为云开发环境 ID，如 kuaisu-1a2b3c' })
      .optional(),
    TENCENTCLOUD_SECRET_ID: secret,
    TENCENTCLOUD_SECRET_KEY: secret,
    TENCENTCLOUD_SESSION_TOKEN: secret,
  })
  .superRefine((env, ctx) => {
    if (!env.CLOUDBASE_ENV) return
    for (const name of ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY'] as const)
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: '未设置（已设置 CLOUDBASE_ENV，本机读取云存储中的证据需要它）' })
  })
  .transform((env) =>
    env.CLOUDBASE_ENV && env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY
      ? {
          env: env.CLOUDBASE_ENV,
          secretId: env.TENCENTCLOUD_SECRET_ID,
          secretKey: env.TENCENTCLOUD_SECRET_KEY,
          ...(env.TENCENTCLOUD_SESSION_TOKEN ? { sessionToken: env.TENCENTCLOUD_SESSION_TOKEN } : {}),
        }
      : null,
  )

/** The CloudBase environment the host links the mini-program's files through, or null. */
export type HostCloudbase = NonNullable<z.output<typeof HostCloudbaseEnvSchema>>

export type HostCloudbaseResult = { ok: true; cloudbase: HostCloudbase | null } | { ok: false; problems: string[] }

export function hostCloudbaseFrom(env: Record<string, string | undefined>): HostCloudbaseResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = HostCloudbaseEnvSchema.safeParse(present)
  if (parsed.success) return { ok: true, cloudbase: parsed.data }
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`) }
}
