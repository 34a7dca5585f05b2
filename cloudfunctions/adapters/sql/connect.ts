import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Database } from './database'
import { describeDatabaseError } from '../db-errors'
import { migrationProvider } from './migrations'
import { queuedSingleConnection } from './pglite-queue'
import { countingDialect } from './query-counter'

export type SqlTarget =
  | { kind: 'postgres'; url: string; poolMax?: number; log?: (line: string) => void }
  | { kind: 'pglite'; dataDir: string | null } // null = in memory
  | { kind: 'pglite-dump'; dump: Blob } // a migrated template loaded into memory (tests)

/**
 * Open an embedded PGlite. The driver is imported lazily so that a cloud-function bundle that talks
 * to PostgreSQL never loads the WebAssembly build.
 */
export async function openPglite(target: Exclude<SqlTarget, { kind: 'postgres' }>): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite')
  let pglite: PGlite
  if (target.kind === 'pglite-dump') pglite = new PGlite({ loadDataDir: target.dump })
  else if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true })
    pglite = new PGlite(target.dataDir)
  } else pglite = new PGlite()
  await pglite.waitReady
  return pglite
}

// Every dialect counts its round trips for whoever asks (query-counter.ts: tests and npm run bench).
// PGlite's one connection goes to waiters first come, first served, the event loop turning between two (pglite-queue.ts).
export const kyselyOverPglite = (pglite: PGlite) =>
  new Kysely<Database>({ dialect: countingDialect(queuedSingleConnection(new PGliteDialect({ pglite }))) })

/** A cloud-function instance serves one call at a time; the host passes its own (DB_POOL_MAX). */
export const DEFAULT_POOL_MAX = 5
/** How long a request waits for a connection (server down, or every connection busy) before it answers 503. */
const CONNECT_TIMEOUT_MS = 5_000

/** One Kysely schema for both engines. */
export async function connectSql(target: SqlTarget): Promise<Kysely<Database>> {
  if (target.kind !== 'postgres') return kyselyOverPglite(await openPglite(target))
  const pg = await import('pg')
  const Pool = pg.Pool ?? (pg as unknown as { default: typeof pg }).default.Pool
  const pool = new Pool({
    connectionString: target.url,
    max: target.poolMax ?? DEFAULT_POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  const log = target.log ?? ((line: string) => console.error(line))
  // Without these listeners a terminated backend, a restart or a failover emits an unhandled 'error'
  // and ends the process. pg-pool has already dropped an idle client that failed; a checked-out one
  // is no longer queryable and is dropped when Kysely releases it. The next query opens a new one.
  // Each client's own listener logs it once; the pool re-emits an idle client's error, already logged.
  pool.on('connect', (client) => client.on('error', (err) => log(`[db] connection lost: ${describeDatabaseError(err)}`)))
  pool.on('error', () => {})
  return new Kysely<Database>({ dialect: countingDialect(new PostgresDialect({ pool })) })
}

/** Bring the schema up to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    // the cause is kept: a database that is merely unreachable at boot is told apart (db-errors.ts)
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
