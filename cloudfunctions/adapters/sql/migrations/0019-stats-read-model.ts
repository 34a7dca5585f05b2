import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 18.2: the statistics' read model (docs/metrics.md "Storage", ports/stats-store.ts). The counter
// columns are listed here as they were when this migration was written, not read from counters.ts: a
// counter added later is a migration of its own (a column defaulting to 0, then npm run stats:rebuild).
export const STATS_COUNTER_COLUMNS_0019 = [
  'volume',
  'response24h_met',
  'response24h_due',
  'initial_check_met',
  'initial_check_due',
  'merchant45_met',
  'merchant45_due',
  'on_site90_met',
  'on_site90_due',
  'completion_met',
  'completion_due',
  'overdue_cases',
  'overdue_base',
  'extended_cases',
  'accepted_cases',
  'closed_settled',
  'closed_mediated',
  'closed_mediation_failed',
  'closed_violation_found',
  'closed_no_violation',
  'withdrawn_cases',
  'reopened_cases',
  'ratings',
  'ratings_satisfied',
  'speed_sum',
  'professionalism_sum',
  'attitude_sum',
  'visits_done',
  'visits_due',
  'money_fen',
  'money_cases',
] as const

const DIMENSION_COLUMNS = ['site', 'merchant', 'industry', 'problem_type', 'channel', 'kind'] as const

export const statsReadModel: Migration = {
  async up(db: Kysely<unknown>) {
    // One table for every cube (cubes.ts): a dropped dimension is '' and slot is '' outside month_slot.
    const dims = DIMENSION_COLUMNS.map((d) => `${d} text not null`).join(', ')
    const counters = STATS_COUNTER_COLUMNS_0019.map((n) => `${n} ${n === 'money_fen' ? 'bigint' : 'integer'} not null default 0`).join(', ')
    const key = DIMENSION_COLUMNS.join(', ')
    await sql
      .raw(
        `create table stats_cube (cube text not null, day date not null, ${dims}, slot text not null, ${counters},
        constraint stats_cube_pkey primary key (cube, day, ${key}, slot))`,
      )
      .execute(db)
    // the key serves the regulator (every site: cube, day range); a station's page reads one site's range
    await db.schema.createIndex('stats_cube_site_day').on('stats_cube').columns(['cube', 'site', 'day']).execute()
    await sql
      .raw(
        `create table stats_filers (day date not null, ${dims}, filer_key text not null, cases integer not null,
        constraint stats_filers_pkey primary key (day, ${key}, filer_key))`,
      )
      .execute(db)
    await db.schema.createIndex('stats_filers_site_day').on('stats_filers').columns(['site', 'day']).execute()

    // what each case added last time: its next refresh takes exactly this away
    await db.schema
      .createTable('stats_contributions')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('contribution', 'jsonb', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('stats_pending')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('marked_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('stats_pending_marked').on('stats_pending').columns(['marked_at', 'case_id']).execute()
    await db.schema
      .createTable('stats_watermark')
      .addColumn('id', 'boolean', (c) =>
        c
          .primaryKey()
          .defaultTo(true)
          .check(sql`id`),
      )
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('stats_queries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('spec', 'jsonb', (c) => c.notNull())
      .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('stats_queries_owner').on('stats_queries').columns(['owner_id', 'name']).execute()
    // a database that already holds cases: every one is marked, so the refresh after the next ticks counts
    // them (a few hundred a pass) and the page's 统计截至 appears only once they all are
    await sql`insert into stats_pending (case_id, marked_at) select id, now() from cases`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['stats_queries', 'stats_watermark', 'stats_pending', 'stats_contributions', 'stats_filers', 'stats_cube'])
      await db.schema.dropTable(t).execute()
  },
}
