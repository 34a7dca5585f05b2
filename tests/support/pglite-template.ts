import { readFileSync } from 'node:fs'
import type { Kysely } from 'kysely'
import { connectSql, migrateToLatest, type SqlTarget } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'

// The suite's PGlite template (jest.config.js globalSetup migrates one database and dumps it; every test
// starts from a copy instead of migrating again). One place says where it is and what to do without it.

/** A fresh copy of the migrated template, as a connect target. */
export function pgliteTemplate(): Extract<SqlTarget, { kind: 'pglite-dump' }> {
  const template = process.env.KS_PGLITE_TEMPLATE
  if (!template) throw new Error('KS_PGLITE_TEMPLATE is not set: run through jest.config.js (globalSetup)')
  return { kind: 'pglite-dump', dump: new Blob([readFileSync(template)]) }
}

/** A copy of the template, connected and at the latest migration: where an upgrade test rolls one migration back from. */
export async function openTemplateDb(): Promise<Kysely<Database>> {
  const db = await connectSql(pgliteTemplate())
  await migrateToLatest(db)
  return db
}
