import { chineseDaysTable } from '../adapters/calendar/chinese-days-table'
import { z } from 'zod'
import { unavailableFileStore } from '../adapters/files/unavailable-file-store'
import { openSqlStore } from '../adapters/sql/sql-store'
import { aesVault } from '../adapters/system/aes-vault'
import { hmacLinkSigner } from '../adapters/system/hmac-link-signer'
import { nodeSecrets } from '../adapters/system/node-secrets'
import { randomIds } from '../adapters/system/random-ids'
import { systemClock } from '../adapters/system/system-clock'
import { Base64KeySchema } from '../host/host-keys'
import { speechFromConfig } from '../adapters/speech/speech-from-config'
import { tencentConfigFrom } from '../adapters/tencent/tencent-config'
import type { Deps } from '../services/context'

// In CloudBase the functions currently reach a PostgreSQL server (e.g. Tencent Cloud PostgreSQL) at
// DATABASE_URL. The CloudBase document-database adapter of the same Store port comes with its own
// issue; until then a function without DATABASE_URL refuses to start instead of losing data.
const CloudEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL 必须是 postgres:// 连接串' }),
  DATA_KEY: Base64KeySchema,
  LINK_KEY: Base64KeySchema,
})

let deps: Promise<Deps> | undefined

async function buildDeps(): Promise<Deps> {
  const env = CloudEnvSchema.parse(process.env)
  const tencent = tencentConfigFrom(process.env)
  if (!tencent.ok) throw new Error(`腾讯云配置有误：${tencent.problems.join('；')}`)
  const store = await openSqlStore({ kind: 'postgres', url: env.DATABASE_URL }, aesVault(env.DATA_KEY))
  return {
    store,
    clock: systemClock,
    ids: randomIds,
    secrets: nodeSecrets,
    files: unavailableFileStore,
    links: hmacLinkSigner(env.LINK_KEY),
    calendar: chineseDaysTable(),
    speech: speechFromConfig(tencent.config, systemClock),
  }
}

export function cloudDeps(): Promise<Deps> {
  const pending = (deps ??= buildDeps())
  pending.catch(() => {
    deps = undefined // let the next invocation try again after a cold-start failure
  })
  return pending
}
