import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

// Issue 17.8: a suspended mediation (中止) pauses the case's mediation and completion clocks. The
// instant of the pause is kept on the clock; resuming moves the deadline out by the time it did not run.
export const clockPause: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table case_clocks add column paused_at timestamptz`.execute(db)
  },
}
