// The two stores the round-trip bench compares, each inside the tests' workflow world (two shops, a
// station desk per site, a clerk per shop: tests/support/workflow-world.ts), and how each counts:
//   - PGlite (in memory): every statement, BEGIN and COMMIT the operation sends (query-counter.ts);
//   - the CloudBase adapter driving the real @cloudbase/node-sdk against the loopback server: every
//     HTTP request the server received while the operation ran (loopback.db.calls), by action.
// Both answer the operation's wall time too. The bench runs one operation at a time, so the
// loopback's counters see only that operation's requests.
import { performance } from 'node:perf_hooks'
import { cloudbaseStore } from '../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import { countRoundTrips } from '../cloudfunctions/adapters/sql/query-counter'
import { openSqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { startCloudbaseTestApp } from '../tests/support/cloudbase-test-app'
import { TEST_VAULT } from '../tests/support/test-deps'
import { openWorkflowWorld } from '../tests/support/workflow-world'

export type World = Awaited<ReturnType<typeof openWorkflowWorld>>

export interface Measured<T> {
  result: T
  ms: number
  /** statements (PGlite) or HTTP requests (CloudBase) */
  count: number
  /** PGlite: by the statement's first keyword; CloudBase: by database action */
  byKind: Record<string, number>
}

export interface Backend {
  name: string
  unit: 'statements' | 'requests'
  world: World
  measure<T>(op: () => Promise<T>): Promise<Measured<T>>
  close(): Promise<void>
}

const tally = (kinds: string[]) => kinds.reduce<Record<string, number>>((by, k) => ({ ...by, [k]: (by[k] ?? 0) + 1 }), {})

export async function pgliteBackend(): Promise<Backend> {
  const world = await openWorkflowWorld(undefined, await openSqlStore({ kind: 'pglite', dataDir: null }, TEST_VAULT))
  return {
    name: 'PGlite',
    unit: 'statements',
    world,
    async measure(op) {
      const t0 = performance.now()
      const { result, trips } = await countRoundTrips(op)
      const ms = performance.now() - t0
      const kinds = trips.statements.map((q) => q.trim().split(/\s+/)[0].toLowerCase())
      return { result, ms, count: trips.total, byKind: tally(kinds) }
    },
    close: () => world.store.close(),
  }
}

export async function cloudbaseBackend(): Promise<Backend> {
  const t = await startCloudbaseTestApp()
  const world = await openWorkflowWorld(undefined, { ...cloudbaseStore(t.db, TEST_VAULT), close: () => t.close() })
  const calls = t.loopback.db.calls
  return {
    name: 'CloudBase loopback',
    unit: 'requests',
    world,
    async measure(op) {
      const before = new Map(calls)
      const t0 = performance.now()
      const result = await op()
      const ms = performance.now() - t0
      const byKind: Record<string, number> = {}
      for (const [action, n] of calls) {
        const delta = n - (before.get(action) ?? 0)
        if (delta > 0) byKind[action.replace(/^database\./, '')] = delta
      }
      return { result, ms, count: Object.values(byKind).reduce((a, b) => a + b, 0), byKind }
    },
    close: () => world.store.close(),
  }
}
