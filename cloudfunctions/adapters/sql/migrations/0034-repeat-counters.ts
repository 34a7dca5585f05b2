import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Repeat complainants per calendar month, quarter and year (src/domain/metrics/repeat-periods.ts,
// docs/statistics-scale.md "Repeat complainants as counters"). stats_repeat_tallies: a filer's cases per
// (grain, period's first day, scope: a site or '' for every site); stats_repeat_counters: per (grain,
// period, scope) the filers with 2 or more and their cases. The refresh keeps both in the transaction that
// writes the filer rows (sql-stats-repeat-counters.ts). A database that already counted cases gets them here,
// from its filer rows: no re-mark is needed, because the
// tallies are a pure function of the filer rows (exactly what the refresh keeps them equal to).
// This SQL is frozen with the migration: the bench (scripts/bench-stats-world.ts) keeps its own copy.
// The periods are truncated on a timestamp (no time zone), as sql-stats-grain.ts does: date_trunc on a date
// would take the timestamptz overload and depend on the session's TimeZone.
async function fillRepeatCounters(db: Kysely<unknown>) {
  await sql`insert into stats_repeat_tallies (grain, period, site, filer_key, cases)
    select g.grain, date_trunc(g.grain, f.day::timestamp)::date, s.site, f.filer_key, sum(f.cases)
    from stats_filers f cross join (values ('month'), ('quarter'), ('year')) as g (grain)
      cross join lateral (values (f.site), ('')) as s (site)
    where f.cases > 0
    group by 1, 2, 3, 4`.execute(db)
  await sql`insert into stats_repeat_counters (grain, period, site, keys, cases)
    select grain, period, site, count(*), sum(cases) from stats_repeat_tallies where cases >= 2 group by 1, 2, 3`.execute(db)
}

export const repeatCounters: Migration = {
  async up(db: Kysely<unknown>) {
    // The Migrator runs the pending migrations in one transaction (PostgreSQL and PGlite: transactional DDL),
    // so this lock holds until they commit: a process of the version before, still refreshing during a rolling
    // restart, waits instead of changing filer rows that the fill has read and no tally will follow
    // (docs/statistics-scale.md "Upgrading to 0034": stop the old processes first, or rebuild after).
    await sql`lock table stats_filers in share mode`.execute(db)
    await sql`create table stats_repeat_tallies (grain text not null, period date not null, site text not null,
      filer_key text not null, cases integer not null, primary key (grain, period, site, filer_key))`.execute(db)
    await sql`create table stats_repeat_counters (grain text not null, period date not null, site text not null,
      keys integer not null, cases integer not null, primary key (grain, period, site))`.execute(db)
    await fillRepeatCounters(db)
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table if exists stats_repeat_counters`.execute(db)
    await sql`drop table if exists stats_repeat_tallies`.execute(db)
  },
}
