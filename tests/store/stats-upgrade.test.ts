import { sql, type Kysely } from 'kysely'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { statsReadModel } from '../../cloudfunctions/adapters/sql/migrations/0019-stats-read-model'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { openTemplateDb } from '../support/pglite-template'
import { makeDeps, TEST_VAULT } from '../support/test-deps'

// An existing deployment upgraded to the statistics read model (migration 0019): the cases it already
// holds must be counted by the ordinary refresh, not only after someone remembers `npm run stats:rebuild`.
describe('migration 0019 on a database that already holds cases', () => {
  let db: Kysely<Database>

  beforeAll(async () => {
    db = await openTemplateDb()
  })
  afterAll(() => db.destroy())

  it('when the statistics tables arrive after the cases, then every existing case is marked for the refresh', async () => {
    const store = sqlStore(db, TEST_VAULT)
    await seedTwoShops(store)
    const filed = await callAs(makeDeps(store), 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: 'upgrade-draft'.padEnd(16, '0') }), {
      subject: 'shopper-upgrade',
    })
    if (!filed.ok) throw new Error(filed.error.code)
    // the database as it was before 0019: no statistics tables at all
    await statsReadModel.down?.(db)
    await statsReadModel.up(db)
    const pending = await store.listStatsPending(10)
    expect(pending.map((p) => p.caseId)).toEqual([filed.data.caseId])
    expect(await sql<{ n: number }>`select count(*)::int as n from stats_cube`.execute(db)).toMatchObject({ rows: [{ n: 0 }] })
  })
})
