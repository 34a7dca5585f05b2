import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'

/**
 * A fresh database on the server at TEST_DATABASE_URL for each test file, migrated from zero, and
 * dropped again when the store closes.
 */
export async function openPostgresTestStore(): Promise<Store & StoreInspection> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (see .ci/run)')
  const name = `ks_test_${randomBytes(6).toString('hex')}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const store = await openSqlStore({ kind: 'postgres', url: url.toString() }, aesVault(new Uint8Array(32).fill(7)))
  return {
    ...store,
    async close() {
      await store.close()
      const dropper = new Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`drop database if exists ${name}`)
      await dropper.end()
    },
  }
}
