import { sql, type Kysely } from 'kysely'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { repeatCounters } from '../../cloudfunctions/adapters/sql/migrations/0034-repeat-counters'
import { countRoundTrips } from '../../cloudfunctions/adapters/sql/query-counter'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { openTemplateDb } from '../support/pglite-template'
import { TEST_VAULT } from '../support/test-deps'
import { contribution, refreshCase } from './stats-contract-fixtures'

// Migration 0034 on a database whose cases were already counted: it fills the repeat tallies and counters
// from the filer rows, and they are exactly what the refresh keeps (read here from the tables themselves —
// the store contract checks the answers; this checks the counters are there to give them).
describe('migration 0034 on a database whose cases were already counted', () => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await openTemplateDb()
  })
  afterAll(() => db.destroy())

  const counters = async () =>
    (
      await sql<{ grain: string; period: string; site: string; keys: number; cases: number }>`select grain,
        to_char(period, 'YYYY-MM-DD') as period, site, keys, cases from stats_repeat_counters order by grain, period, site`.execute(db)
    ).rows
  const tallies = async () =>
    (await sql`select grain, period, site, filer_key, cases from stats_repeat_tallies order by grain, period, site, filer_key`.execute(db))
      .rows

  it('when 0034 runs after the cases were counted, then the counters it fills are those the refresh keeps', async () => {
    const store = sqlStore(db, TEST_VAULT)
    await refreshCase(store, 'a1', contribution('2026-01-10', {}, {}, 'f-a'))
    await refreshCase(store, 'a2', contribution('2026-02-10', {}, {}, 'f-a'))
    await refreshCase(store, 'b1', contribution('2026-02-11', {}, {}, 'f-b'))
    await refreshCase(store, 'b2', contribution('2026-02-12', { site: 'site-b' }, {}, 'f-b'))
    await refreshCase(store, 'b3', contribution('2026-02-13', { site: 'site-b' }, {}, 'f-b'))
    await refreshCase(store, 'b3', null) // counted, then gone: its tally went up and down again
    const kept = { counters: await counters(), tallies: await tallies() }
    expect(kept.counters).toEqual([
      { grain: 'month', period: '2026-02-01', site: '', keys: 1, cases: 2 },
      { grain: 'quarter', period: '2026-01-01', site: '', keys: 2, cases: 4 },
      { grain: 'quarter', period: '2026-01-01', site: 'site-a', keys: 1, cases: 2 },
      { grain: 'year', period: '2026-01-01', site: '', keys: 2, cases: 4 },
      { grain: 'year', period: '2026-01-01', site: 'site-a', keys: 1, cases: 2 },
    ])

    await repeatCounters.down?.(db)
    // in a transaction, as the Migrator runs it: the fill holds stats_filers against a refresh of an old
    // process (share mode) until the migrations commit
    const locks = await db.transaction().execute(async (trx) => {
      await repeatCounters.up(trx)
      return (await sql`select mode from pg_locks where relation = 'stats_filers'::regclass and granted`.execute(trx)).rows
    })
    expect(locks).toContainEqual({ mode: 'ShareLock' })
    expect(await counters()).toEqual(kept.counters)
    expect(await tallies()).toEqual(kept.tallies)
    expect(
      await store.countRepeats({ of: 'complainants', periods: [{ period: 'Q1', from: '2026-01-01', to: '2026-03-31' }], sites: null }),
    ).toEqual([{ period: 'Q1', keys: 2, cases: 4 }])
  })
  it('when a whole calendar quarter is asked, then its stored counter answers it (not the exact tally)', async () => {
    // a counter set wrong on purpose: the exact tally of the filer rows says 2; only the counters path says 99
    await sql`update stats_repeat_counters set keys = 99 where grain = 'quarter' and site = '' and period = '2026-01-01'`.execute(db)
    const store = sqlStore(db, TEST_VAULT)
    const q1 = { period: 'Q1', from: '2026-01-01', to: '2026-03-31' }
    expect(await store.countRepeats({ of: 'complainants', periods: [q1], sites: null })).toEqual([{ period: 'Q1', keys: 99, cases: 4 }])
    // a range that is no calendar period keeps the exact tally
    expect(
      await store.countRepeats({ of: 'complainants', periods: [{ period: 'Q1-', from: '2026-01-01', to: '2026-03-30' }], sites: null }),
    ).toEqual([{ period: 'Q1-', keys: 2, cases: 4 }])
  })
  it('when a refresh brings no tally to 0 and no counter to (0, 0), then it deletes neither', async () => {
    const store = sqlStore(db, TEST_VAULT)
    const deletes = async (step: () => Promise<void>) =>
      (await countRoundTrips(step)).trips.statements
        .filter((s) => /delete from stats_repeat_(tallies|counters)/.test(s))
        .map((s) => s.match(/stats_repeat_\w+/)?.[0])
    // a new filer's first case: tallies 0 → 1, no counter moves
    expect(await deletes(() => refreshCase(store, 'c1', contribution('2026-05-10', {}, {}, 'f-c')))).toEqual([])
    // its second: tallies 1 → 2, counters go up, nothing reaches 0
    expect(await deletes(() => refreshCase(store, 'c2', contribution('2026-05-11', {}, {}, 'f-c')))).toEqual([])
    // the second goes: tallies back to 1, the counters of May, Q2 … reach (0, 0) and are deleted; no tally reaches 0
    expect(await deletes(() => refreshCase(store, 'c2', null))).toEqual(['stats_repeat_counters'])
    // the first goes: its tallies reach 0
    expect(await deletes(() => refreshCase(store, 'c1', null))).toEqual(['stats_repeat_tallies'])
    expect((await sql`select 1 from stats_repeat_tallies where filer_key = 'f-c'`.execute(db)).rows).toEqual([])
  })
})
