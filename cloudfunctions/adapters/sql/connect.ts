import { mkdirSync } from 'node:fs'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Database } from './database'
import { migrationProvider } from './migrations'

export type SqlTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | null } // null = in memory
  | { kind: 'pglite-dump'; dump: Blob } // a migrated template loaded into memory (tests)

/**
 * One Kysely schema for both engines. The drivers are imported lazily so that a cloud-function
 * bundle that talks to PostgreSQL never loads the PGlite WebAssembly, and vice versa.
 */
export async function connectSql(target: SqlTarget): Promise<Kysely<Database>> {
  if (target.kind === 'postgres') {
    const pg = await import('pg')
    const Pool = pg.Pool ?? (pg as unknown as { default: typeof pg }).default.Pool
    // pg returns int8 (bigint) as strings; our counters and positions fit in a JS number.
    const pool = new Pool({ connectionString: target.url, max: 5 })
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  }
  const { PGlite } = await import('@electric-sql/pglite')
  if (target.kind === 'pglite' && target.dataDir) mkdirSync(target.dataDir, { recursive: true })
  const pglite =
    target.kind === 'pglite-dump'
      ? new PGlite({ loadDataDir: target.dump })
      : target.dataDir
        ? new PGlite(target.dataDir)
        : new PGlite()
  await pglite.waitReady
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
}

/** Bring the schema up to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`database migration ${failed} failed: ${String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
