import { z } from 'zod'
import { notifyConfigFrom, type NotifyConfig } from '../adapters/notify-config'
import { tencentConfigFrom, type TencentConfig } from '../adapters/tencent/tencent-config'
import { Base64KeySchema } from '../adapters/system/base64-key'
import { TrustProxySchema } from './trust-proxy'
import { hostCloudbaseFrom, type HostCloudbase } from './host-cloudbase-config'

// process.env is parsed once at boot; a bad value stops the process with a sentence naming it.
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'))
const optionalBool = z
  .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'))
/** A whole number in [min, max] with the default `fallback`; the sentence names the range. */
const count = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: '必须是数字' })
    .int({ error: '必须是整数' })
    .min(min, { error: `必须在 ${min} 到 ${max} 之间` })
    .max(max, { error: `必须在 ${min} 到 ${max} 之间` })
    .default(fallback)

export const HostEnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: '必须是数字' })
      .int({ error: '必须是整数' })
      .min(0, { error: '必须在 0 到 65535 之间（0 = 任选空闲端口）' })
      .max(65535, { error: '必须在 0 到 65535 之间（0 = 任选空闲端口）' })
      .default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    // the reverse proxy in front, if any: then the client's address comes from X-Forwarded-For (trust-proxy.ts)
    TRUST_PROXY: TrustProxySchema,
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的网址' }).optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: '必须是 postgres:// 开头的连接串' }).optional(),
    // connections this host holds to PostgreSQL at most; several hosts on one server share its max_connections (100 by default)
    DB_POOL_MAX: z.coerce
      .number({ error: '必须是数字' })
      .int({ error: '必须是整数' })
      .min(1, { error: '必须在 1 到 100 之间' })
      .max(100, { error: '必须在 1 到 100 之间' })
      .default(10),
    H5_DIR: z.string().min(1).default('dist/h5'),
    NODE_ENV: z.string().optional(),
    // demo data (known passwords, a shared clerk link) is on by default locally, off in production
    SEED_DEMO: optionalBool,
    DEMO_PASSWORD: z.string().min(8, { error: '至少 8 个字符' }).optional(),
    // Secure cookies follow PUBLIC_URL (https → Secure); COOKIE_SECURE=true forces them on behind other setups
    COOKIE_SECURE: bool(false),
    LOGIN_FAILURE_DELAY_MS: z.coerce.number({ error: '必须是数字' }).int().min(0).max(10_000).default(1000),
    // Uploads cannot fill the disk (docs/security.md): a per-device quota per hour, and a floor of free space
    UPLOADS_PER_HOUR: count(1, 10_000, 30),
    UPLOAD_MB_PER_HOUR: count(1, 100_000, 300),
    MIN_FREE_DISK_MB: count(0, 10_000_000, 1024),
    // Guessing limits per minute (docs/security.md); lookups are counted per device and address
    LOOKUPS_PER_MINUTE: count(1, 100_000, 10),
    LOGINS_PER_MINUTE: count(1, 100_000, 20),
    SUBMITS_PER_MINUTE: count(1, 100_000, 10),
    UPLOADS_PER_MINUTE: count(1, 100_000, 20),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // the JSON log to a file instead of the console (the start-up lines still go to the console)
    LOG_FILE: z.string().trim().min(1).max(4096).optional(),
    DATA_KEY: Base64KeySchema.optional(),
    LINK_KEY: Base64KeySchema.optional(),
    // signs every case event and the daily chain heads; keep it out of the database and its backups' reach
    CHAIN_KEY: Base64KeySchema.optional(),
  })
  .refine((env) => !(env.NODE_ENV === 'production' && env.SEED_DEMO === true), {
    path: ['SEED_DEMO'],
    error: '生产环境（NODE_ENV=production）不能写入演示数据：演示账号的密码和店员链接是公开的',
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    dbPoolMax: env.DB_POOL_MAX,
    h5Dir: env.H5_DIR,
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
    demoPassword: env.DEMO_PASSWORD,
    cookieSecure: env.COOKIE_SECURE || /^https:/i.test(env.PUBLIC_URL ?? ''),
    trustProxy: env.TRUST_PROXY,
    uploadQuota: { perHour: env.UPLOADS_PER_HOUR, bytesPerHour: env.UPLOAD_MB_PER_HOUR * 1024 * 1024 },
    minFreeDiskBytes: env.MIN_FREE_DISK_MB * 1024 * 1024,
    rateLimits: {
      lookupsPerMinute: env.LOOKUPS_PER_MINUTE,
      loginsPerMinute: env.LOGINS_PER_MINUTE,
      submitsPerMinute: env.SUBMITS_PER_MINUTE,
      uploadsPerMinute: env.UPLOADS_PER_MINUTE,
    },
    loginFailureDelayMs: env.LOGIN_FAILURE_DELAY_MS,
    logLevel: env.LOG_LEVEL,
    logFile: env.LOG_FILE,
    dataKey: env.DATA_KEY,
    linkKey: env.LINK_KEY,
    chainKey: env.CHAIN_KEY,
  }))

/** Everything the host reads from the environment, the optional Tencent Cloud channels included. */
export type HostConfig = z.output<typeof HostEnvSchema> & {
  tencent: TencentConfig
  notify: NotifyConfig
  /** hybrid mode: the CloudBase environment whose storage holds the mini-program's files (host-cloudbase-config.ts) */
  cloudbase: HostCloudbase | null
}

export type ConfigResult = { ok: true; config: HostConfig } | { ok: false; problems: string[] }

export function parseHostConfig(env: Record<string, string | undefined>): ConfigResult {
  // An empty variable means "not set", as people write `PORT= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = HostEnvSchema.safeParse(present)
  const tencent = tencentConfigFrom(env)
  const notify = notifyConfigFrom(env)
  const cloudbase = hostCloudbaseFrom(env)
  if (parsed.success && tencent.ok && notify.ok && cloudbase.ok)
    return { ok: true, config: { ...parsed.data, tencent: tencent.config, notify: notify.config, cloudbase: cloudbase.cloudbase } }
  return {
    ok: false,
    // never echo a key back into the logs
    problems: [
      ...(parsed.success
        ? []
        : parsed.error.issues.map((i) => {
            const name = String(i.path[0])
            const shown = /KEY|PASSWORD/.test(name) ? '…' : (env[name] ?? '')
            return `${i.path.join('.')}=${JSON.stringify(shown)}：${i.message}`
          })),
      ...(tencent.ok ? [] : tencent.problems),
      ...(notify.ok ? [] : notify.problems),
      ...(cloudbase.ok ? [] : cloudbase.problems),
    ],
  }
}
