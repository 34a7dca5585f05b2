import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// 标签 as a statistics dimension (docs/tags.md, cubes.ts month_tag). The tag cube's rows are cube rows
// with one more key part, so they live in stats_cube with a `tag` column ('' in every other cube) rather
// than in a table of their own: the refresh's one insert-or-add and delete, sumCube, clearStats and the
// rebuild's comparison all keep working on one table, and every other cube's rows and key values stay as
// they were (the default ''). The primary key takes the tag last, so the regulator's (cube, day range)
// read and the station's stats_cube_site_day index serve the tag cube as they serve the others.
export const tagCube: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table stats_cube add column tag text not null default ''`.execute(db)
    await sql`alter table stats_cube drop constraint stats_cube_pkey,
      add constraint stats_cube_pkey primary key (cube, day, site, merchant, industry, problem_type, channel, kind, slot, tag)`.execute(db)
    // a database that already holds cases (and confirmed tags): every case is marked, so the ordinary refresh
    // after the next ticks adds its tag rows (a contribution stored before has no tags: nothing to take away)
    await sql`insert into stats_pending (case_id, marked_at) select id, now() from cases
      on conflict (case_id) do nothing`.execute(db)
  },
  async down(db: Kysely<unknown>) {
    await sql`delete from stats_cube where cube = 'month_tag'`.execute(db)
    await sql`alter table stats_cube drop constraint stats_cube_pkey,
      add constraint stats_cube_pkey primary key (cube, day, site, merchant, industry, problem_type, channel, kind, slot)`.execute(db)
    await sql`alter table stats_cube drop column tag`.execute(db)
  },
}
