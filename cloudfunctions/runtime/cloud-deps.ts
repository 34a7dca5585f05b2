import { z } from 'zod'
import { openSqlStore } from '../adapters/sql/sql-store'
import { nodeSecrets } from '../adapters/system/node-secrets'
import { randomIds } from '../adapters/system/random-ids'
import { systemClock } from '../adapters/system/system-clock'
import type { Deps } from '../services/context'

// In CloudBase the functions currently reach a PostgreSQL server (e.g. Tencent Cloud PostgreSQL) at
// DATABASE_URL. The CloudBase document-database adapter of the same Store port comes with its own
// issue; until then a function without DATABASE_URL refuses to start instead of losing data.
const CloudEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL 必须是 postgres:// 连接串' }),
})

let deps: Promise<Deps> | undefined

export function cloudDeps(): Promise<Deps> {
  deps ??= (async () => {
    const env = CloudEnvSchema.parse(process.env)
    const store = await openSqlStore({ kind: 'postgres', url: env.DATABASE_URL })
    return { store, clock: systemClock, ids: randomIds, secrets: nodeSecrets }
  })()
  deps.catch(() => {
    deps = undefined // let the next invocation try again after a cold-start failure
  })
  return deps
}
