import type { Kysely } from 'kysely'
import type { Store } from '../../ports/store'
import { connectSql, migrateToLatest, type SqlTarget } from './connect'
import type { Database } from './database'
import { sqlCaseStore } from './sql-case-store'
import { sqlDirectoryStore } from './sql-directory-store'
import { sqlIdentityStore } from './sql-identity-store'

export function sqlStore(db: Kysely<Database>): Store {
  return {
    ...sqlDirectoryStore(db),
    ...sqlIdentityStore(db),
    ...sqlCaseStore(db),
    close: () => db.destroy(),
  }
}

/** Connect, migrate to the latest schema, and hand back the store. */
export async function openSqlStore(target: SqlTarget): Promise<Store> {
  const db = await connectSql(target)
  await migrateToLatest(db)
  return sqlStore(db)
}
