import { z } from 'zod'
import { notifyConfigFrom, type NotifyConfig } from '../adapters/notify-config'
import { tencentConfigFrom, type TencentConfig } from '../adapters/tencent/tencent-config'
import { Base64KeySchema } from '../adapters/system/base64-key'

// process.env is parsed once at boot; a bad value stops the process with a sentence naming it.
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'))

export const HostEnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: '必须是数字' })
      .int({ error: '必须是整数' })
      .min(0, { error: '必须在 0 到 65535 之间（0 = 任选空闲端口）' })
      .max(65535, { error: '必须在 0 到 65535 之间（0 = 任选空闲端口）' })
      .default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
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
    SEED_DEMO: bool(true),
    DEMO_PASSWORD: z.string().min(8, { error: '至少 8 个字符' }).optional(),
    COOKIE_SECURE: bool(false),
    LOGIN_FAILURE_DELAY_MS: z.coerce.number({ error: '必须是数字' }).int().min(0).max(10_000).default(1000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_KEY: Base64KeySchema.optional(),
    LINK_KEY: Base64KeySchema.optional(),
    // signs every case event and the daily chain heads; keep it out of the database and its backups' reach
    CHAIN_KEY: Base64KeySchema.optional(),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    dbPoolMax: env.DB_POOL_MAX,
    h5Dir: env.H5_DIR,
    seedDemo: env.SEED_DEMO,
    demoPassword: env.DEMO_PASSWORD,
    cookieSecure: env.COOKIE_SECURE,
    loginFailureDelayMs: env.LOGIN_FAILURE_DELAY_MS,
    logLevel: env.LOG_LEVEL,
    dataKey: env.DATA_KEY,
    linkKey: env.LINK_KEY,
    chainKey: env.CHAIN_KEY,
  }))

/** Everything the host reads from the environment, the optional Tencent Cloud channels included. */
export type HostConfig = z.output<typeof HostEnvSchema> & { tencent: TencentConfig; notify: NotifyConfig }

export type ConfigResult = { ok: true; config: HostConfig } | { ok: false; problems: string[] }

export function parseHostConfig(env: Record<string, string | undefined>): ConfigResult {
  // An empty variable means "not set", as people write `PORT= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = HostEnvSchema.safeParse(present)
  const tencent = tencentConfigFrom(env)
  const notify = notifyConfigFrom(env)
  if (parsed.success && tencent.ok && notify.ok)
    return { ok: true, config: { ...parsed.data, tencent: tencent.config, notify: notify.config } }
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
    ],
  }
}
