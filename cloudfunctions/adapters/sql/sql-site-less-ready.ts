import { sql, type Kysely } from 'kysely'
import type { Database } from './database'

// Whether the regulator's site-less twins (src/domain/metrics/site-less-cubes.ts) hold every counted case, so
// that a question for every site may be read from them (docs/statistics-scale.md). Migration 0032 added them
// to a database that may already hold counted cases and marked every case: the twins fill only as those marks
// are refreshed (hours on a large database), while the per-site cubes stay exact throughout — until then the
// per-site cubes answer the regulator too.
//
// SQL has no stats_meta table for a flag (and this change has no migration), so "ready" is read from the data:
// a contribution stored before 0032 names no cubes (cubes.ts countedIn) and is the only kind the twins lack.
// 0032 marked every case, and the code since stores only contributions that name their cubes, so each such
// contribution belongs to a case still pending until its refresh replaces it. Hence: the queue empty ⇒ none is
// left (the cheap check, by the pending index), else none found ⇒ none left (one scan, which during the
// backfill stops at the first one found). A database that already ran 0032 and drained is ready at the first
// check, a fresh one (no contributions) too, one half-way through is not. Once true it stays true — nothing
// stores an old contribution again — so each process caches it and asks no more.

export function sqlSiteLessReadiness(db: Kysely<Database>): (ask: { sites: readonly string[] | null }) => Promise<boolean> {
  let ready = false
  return async (ask) => {
    if (ask.sites !== null) return false // a list of sites reads the per-site cubes whatever the answer: no query
    if (ready) return true
    const { rows: queue } = await sql<{ empty: boolean }>`select not exists (select 1 from stats_pending) as empty`.execute(db)
    if (queue[0]?.empty !== true) {
      const { rows } = await sql<{ none: boolean }>`select not exists (select 1 from stats_contributions
        where jsonb_typeof(contribution) = 'object' and contribution -> 'cubes' is null) as none`.execute(db)
      if (rows[0]?.none !== true) return false
    }
    ready = true
    return true
  }
}
