import type { Kysely } from 'kysely'
import type { Store } from '../../ports/store'
import type { Vault } from '../../ports/system'
import { connectSql, migrateToLatest, type SqlTarget } from './connect'
import type { Database } from './database'
import { sqlCaseStore } from './sql-case-store'
import { sqlAccessLogStore } from './sql-access-log-store'
import { sqlClockStore } from './sql-clock-store'
import { sqlDirectoryStore } from './sql-directory-store'
import { sqlEvidenceStore } from './sql-evidence-store'
import { sqlIdentityStore } from './sql-identity-store'
import { sqlKeyCheckStore } from './sql-key-check-store'
import { sqlNotificationStore } from './sql-notification-store'
import { sqlMerchantRegistryStore } from './sql-merchant-registry-store'
import { sqlNotificationContactStore } from './sql-notification-contact-store'

/** The vault seals personal data before it reaches a column (encryption at rest). */
export function sqlStore(db: Kysely<Database>, vault: Vault): Store {
  return {
    ...sqlDirectoryStore(db, vault),
    ...sqlIdentityStore(db),
    ...sqlCaseStore(db, vault),
    ...sqlEvidenceStore(db),
    ...sqlKeyCheckStore(db),
    ...sqlClockStore(db),
    ...sqlAccessLogStore(db),
    ...sqlNotificationStore(db),
    ...sqlMerchantRegistryStore(db, vault),
    ...sqlNotificationContactStore(db, vault),
    close: () => db.destroy(),
  }
}

/** Connect, migrate to the latest schema, and hand back the store. */
export async function openSqlStore(target: SqlTarget, vault: Vault): Promise<Store> {
  const db = await connectSql(target)
  await migrateToLatest(db)
  return sqlStore(db, vault)
}
