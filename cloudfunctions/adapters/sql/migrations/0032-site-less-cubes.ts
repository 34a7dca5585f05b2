import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// The regulator's site-less cubes, all_day, all_month_industry, all_month_problem, all_month_slot and
// all_month_merchant (src/domain/metrics/site-less-cubes.ts, docs/statistics-scale.md). They live in
// stats_cube like every cube, so no table changes. A database that already holds counted cases gets them
// by the ordinary refresh: every case is marked here, and a refresh takes a stored contribution away only
// from the cubes it was counted in (cubes.ts countedIn: one stored before this migration names none and
// was not in these), so the refresh ADDS the case's rows to the new cubes and leaves every other cube as it
// was. Until the queue is empty the watermark stays where it was (and the regulator's page, which reads
// the new cubes, shows part of the cases).
export const siteLessCubes: Migration = {
  async up(db: Kysely<unknown>) {
    // the regulator's ★ (sql-stats-ranking.ts): each (month, line)'s top shops read as the first entries of this index
    await sql`create index stats_cube_month_top on stats_cube (day, industry, volume desc, merchant collate "C")
      where cube = 'all_month_merchant'`.execute(db)
    await sql`insert into stats_pending (case_id, marked_at) select id, now() from cases
      on conflict (case_id) do nothing`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    await sql`drop index if exists stats_cube_month_top`.execute(db)
    // the rows go; the stored contributions still name the cubes, so run npm run stats:rebuild after going down
    const cubes = ['all_day', 'all_month_industry', 'all_month_problem', 'all_month_slot', 'all_month_merchant']
    await sql`delete from stats_cube where cube in (${sql.join(cubes)})`.execute(db)
  },
}
