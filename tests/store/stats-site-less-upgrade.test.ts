import { sql, type Kysely } from 'kysely'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { siteLessCubes } from '../../cloudfunctions/adapters/sql/migrations/0032-site-less-cubes'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { openTemplateDb } from '../support/pglite-template'
import { makeDeps, TEST_VAULT } from '../support/test-deps'

// An existing deployment upgraded to the regulator's site-less cubes (migration 0032): its cases were
// counted before, so their stored contributions name no cubes. The migration marks them, and the ordinary
// refresh must add them to the new cubes, leaving every other cube's rows as they were.
describe('migration 0032 on a database whose cases were already counted', () => {
  let db: Kysely<Database>

  beforeAll(async () => {
    db = await openTemplateDb()
  })
  afterAll(() => db.destroy())

  const rows = async () =>
    (
      await sql<{ cube: string; site: string; kind: string; slot: string; merchant: string; volume: number }>`select cube, site, kind, slot,
        merchant, volume from stats_cube order by cube, day, site, merchant, industry, problem_type, channel, kind, slot`.execute(db)
    ).rows

  it('when 0032 runs after the cases were counted, then the refresh adds them to the site-less cubes and nothing else moves', async () => {
    const store = sqlStore(db, TEST_VAULT)
    await seedTwoShops(store)
    const deps = makeDeps(store)
    for (const [i, subject] of ['shopper-1', 'shopper-2'].entries()) {
      const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: `site-less-${i}`.padEnd(16, '0') }), {
        subject,
      })
      if (!filed.ok) throw new Error(filed.error.code)
    }
    await refreshStats(deps, deps.clock.now())
    const counted = await rows()
    // the database as it was before 0032: contributions without a cube list, no site-less rows
    await sql`update stats_contributions set contribution = contribution - 'cubes'`.execute(db)
    await siteLessCubes.down?.(db)
    const before = await rows()
    expect(before.some((r) => r.cube.startsWith('all_'))).toBe(false)

    await siteLessCubes.up(db)
    expect((await store.listStatsPending(10)).length).toBe(2)
    await refreshStats(deps, deps.clock.now())
    const after = await rows()
    expect(after).toEqual(counted)
    expect(after.filter((r) => r.cube === 'all_month_merchant')).toEqual([
      { cube: 'all_month_merchant', site: '', kind: '', slot: '', merchant: SHOP_A.id, volume: 2 },
    ])
    expect(after.filter((r) => !r.cube.startsWith('all_'))).toEqual(before)
  })
})
