import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql, type Kysely } from 'kysely'
import { kyselyOverPglite, openPglite } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { openSqlStore, sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { startClockScheduler } from '../../cloudfunctions/host/clock-scheduler'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'
import { makeDeps, TEST_VAULT } from '../support/test-deps'
import { pgliteTemplate } from '../support/pglite-template'

// Issue 13.6: PGlite runs no autovacuum, so its planner kept the statistics of the empty tables of
// the first boot (a merchant inbox at 1M cases took 265 ms; 20 ms after a manual ANALYZE). The store
// analyses after migrations, and the host's scheduler runs the maintenance job every hour.
const reltuples = async (db: Kysely<Database>, table: string) => {
  const r = await sql<{ n: number }>`select reltuples::float8 as n from pg_class where relname = ${table}`.execute(db)
  return Number(r.rows[0]?.n)
}

describe('store maintenance', () => {
  it('when a store is migrated, then its tables have been analysed (PostgreSQL marks a never-analysed table -1)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kuaisu-analyse-')), 'db')
    await (await openSqlStore({ kind: 'pglite', dataDir: dir }, TEST_VAULT)).close()
    const db = kyselyOverPglite(new PGlite(dir))
    try {
      expect(await reltuples(db, 'cases')).toBe(0)
      expect(await reltuples(db, 'merchant_counters')).toBe(0)
    } finally {
      await db.destroy()
    }
  }, 60_000)

  it("when the scheduler's maintenance job runs after cases were loaded, then the planner knows how many there are", async () => {
    const db = kyselyOverPglite(await openPglite(pgliteTemplate()))
    const store = sqlStore(db, TEST_VAULT)
    const site = aSite()
    const merchant = aMerchant(site)
    await store.saveSite(site)
    await store.saveMerchant(merchant)
    for (let i = 0; i < 120; i++) {
      const c = aCase(merchant)
      await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy })
    }
    expect(await reltuples(db, 'cases')).not.toBe(120)

    const deps = makeDeps(store)
    await new Promise<void>((resolve) => {
      const scheduler = startClockScheduler(deps, { deliver: async () => undefined } as never, () => undefined, {
        onRun: (job) => {
          if (job === 'maintain') void scheduler.stop().then(resolve)
        },
      })
    })
    expect(await reltuples(db, 'cases')).toBe(120)
    await store.close()
  }, 60_000)
})
