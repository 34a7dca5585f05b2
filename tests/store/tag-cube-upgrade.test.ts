import { sql, type Kysely } from 'kysely'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { tagCube } from '../../cloudfunctions/adapters/sql/migrations/0031-tag-cube'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { openTemplateDb } from '../support/pglite-template'
import { makeDeps, TEST_VAULT } from '../support/test-deps'

// A deployment upgraded to the tag cube (migration 0031, docs/tags.md): cases whose tags staff confirmed
// before the upgrade were counted without tags. The migration marks every case, so the ordinary refresh
// adds their tag rows (their stored contributions have no tags: nothing is taken away).
describe('migration 0031 on a database that already holds tagged, counted cases', () => {
  let db: Kysely<Database>

  beforeAll(async () => {
    db = await openTemplateDb()
  })
  afterAll(() => db.destroy())

  it('when the tag column arrives after the cases were counted, then every case is marked and the refresh adds the tag rows', async () => {
    const store = sqlStore(db, TEST_VAULT)
    await seedTwoShops(store)
    const deps = makeDeps(store)
    const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: 'tag-upgrade'.padEnd(16, '0') }), {
      subject: 'shopper-tag-upgrade',
    })
    if (!filed.ok) throw new Error(filed.error.code)
    const caseId = String(filed.data.caseId)
    // the database as it was before 0031: the case counted without tags (an old contribution has no `tags`)…
    await refreshStats(deps, deps.clock.now())
    await sql`update stats_contributions set contribution = contribution - 'tags'`.execute(db)
    await tagCube.down?.(db)
    // …and staff confirmed a tag then, which marked nothing (the pre-0031 tag store's plain write)
    await sql`insert into case_tags (case_id, proposed, confirmed, confirmed_by, confirmed_at)
      values (${caseId}, '{}', '{elderly}', 'st', now())`.execute(db)
    expect(await store.listStatsPending(10)).toEqual([])

    await tagCube.up(db)
    expect((await store.listStatsPending(10)).map((p) => p.caseId)).toEqual([caseId])
    await refreshStats(deps, deps.clock.now())
    const rows = await store.sumCube({ cube: 'month_tag', from: '2000-01-01', to: '2099-12-31', sites: null, by: [] })
    expect(rows.map((r) => [r.tag, r.volume])).toEqual([['elderly', 1]])
    const total = await store.sumCube({ cube: 'day_site', from: '2000-01-01', to: '2099-12-31', sites: null, by: [] })
    expect(total.reduce((n, r) => n + r.volume, 0)).toBe(1) // counted once, as before
  })
})
