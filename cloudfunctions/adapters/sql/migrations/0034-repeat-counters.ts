import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Repeat complainants per calendar month, quarter and year (src/domain/metrics/repeat-periods.ts,
// docs/statistics-scale.md "Repeat complainants as counters"). stats_repeat_tallies: a filer's cases per
// (grain, period's first day, scope: a site or '' for every site); stats_repeat_counters: per (grain,
// period, scope) the filers with 2 or more and their cases. The refresh keeps both in the transaction that
// writes the filer rows (sql-stats-repeat-counters.ts). A database that already counted cases gets them here,
// from its filer rows: no re-mark is needed, because the
// tallies are a pure function of the filer rows (exactly what the refresh keeps them equal to).
// Recounted from scratch (the bench's world loads its filer rows and then calls this too).
export async function fillRepeatCounters<DB>(db: Kysely<DB>) {
  await sql`delete from stats_repeat_counters`.execute(db)
  await sql`delete from stats_repeat_tallies`.execute(db)
  await sql`insert into stats_repeat_tallies (grain, period, site, filer_key, cases)
    select g.grain, date_trunc(g.grain, f.day)::date, s.site, f.filer_key, sum(f.cases)
    from stats_filers f cross join (values ('month'), ('quarter'), ('year')) as g (grain)
      cross join lateral (values (f.site), ('')) as s (site)
    where f.cases > 0
    group by 1, 2, 3, 4`.execute(db)
  await sql`insert into stats_repeat_counters (grain, period, site, keys, cases)
    select grain, period, site, count(*), sum(cases) from stats_repeat_tallies where cases >= 2 group by 1, 2, 3`.execute(db)
}

export const repeatCounters: Migration = {
  async up(db: Kysely<unknown>) {
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
