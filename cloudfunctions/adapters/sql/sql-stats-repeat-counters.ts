import { sql, type Kysely, type Transaction } from 'kysely'
import { z } from 'zod'
import {
  cellKey,
  counterDeltasOf,
  REPEAT_GRAINS,
  tallyDeltasOf,
  tallyKey,
  type RepeatCell,
} from '../../../src/domain/metrics/repeat-periods'
import type { RepeatCount } from '../../../src/domain/metrics/repeats'
import type { FilerRow } from '../../../src/domain/metrics/rollup'
import type { RepeatCounterReads } from '../stats-repeat-counters'
import type { Database } from './database'

// The repeat-complainant counters on PGlite / PostgreSQL (migration 0034; src/domain/metrics/repeat-periods.ts).
// applyRepeatCounters runs in the refresh's transaction, right after the filer rows: the case's filer-row
// difference goes into the tallies (INSERT … ON CONFLICT … RETURNING the new tally), and each tally's move
// across 2 into its period's counter. Tallies and counters are written in key order, as the cube rows are,
// so two refreshes at once lock what they share in one order.

export const REPEAT_TABLES = ['stats_repeat_counters', 'stats_repeat_tallies'] as const

type Row = Record<string, unknown>
const text = (v: unknown) => String(v)
const GrainSchema = z.enum(REPEAT_GRAINS)
const cellOf = (r: Row): RepeatCell => ({ grain: GrainSchema.parse(r.grain), start: text(r.period), site: text(r.site) })

export async function applyRepeatCounters(trx: Transaction<Database>, filers: readonly FilerRow[]) {
  const deltas = tallyDeltasOf(filers)
  if (deltas.length === 0) return
  const { rows } = await sql<Row>`insert into stats_repeat_tallies (grain, period, site, filer_key, cases)
    values ${sql.join(deltas.map((t) => sql`(${t.grain}, ${t.start}::date, ${t.site}, ${t.filerKey}, ${t.cases})`))}
    on conflict (grain, period, site, filer_key) do update set cases = stats_repeat_tallies.cases + excluded.cases
    returning grain, to_char(period, 'YYYY-MM-DD') as period, site, filer_key, cases`.execute(trx)
  const after = new Map(rows.map((r) => [tallyKey({ ...cellOf(r), filerKey: text(r.filer_key) }), Number(r.cases)]))
  const changes = deltas.map((t) => {
    const now = after.get(tallyKey(t)) ?? 0
    return { ...t, before: now - t.cases, after: now }
  })
  // only the tallies this change brought to 0 are removed (most refreshes bring none there)
  const emptied = changes.filter((c) => c.after === 0)
  if (emptied.length > 0)
    await sql`delete from stats_repeat_tallies where (grain, period, site, filer_key) in
      (${sql.join(emptied.map((t) => sql`(${t.grain}, ${t.start}::date, ${t.site}, ${t.filerKey})`))}) and cases = 0`.execute(trx)
  const counters = counterDeltasOf(changes)
  if (counters.length === 0) return
  const { rows: kept } = await sql<Row>`insert into stats_repeat_counters (grain, period, site, keys, cases)
    values ${sql.join(counters.map((c) => sql`(${c.grain}, ${c.start}::date, ${c.site}, ${c.keys}, ${c.cases})`))}
    on conflict (grain, period, site) do update
      set keys = stats_repeat_counters.keys + excluded.keys, cases = stats_repeat_counters.cases + excluded.cases
    returning grain, to_char(period, 'YYYY-MM-DD') as period, site, keys, cases`.execute(trx)
  // … and only the counters it brought to (0, 0)
  const zeroed = kept.filter((r) => Number(r.keys) === 0 && Number(r.cases) === 0).map(cellOf)
  if (zeroed.length > 0)
    await sql`delete from stats_repeat_counters where (grain, period, site) in
      (${sql.join(zeroed.map((c) => sql`(${c.grain}, ${c.start}::date, ${c.site})`))}) and keys = 0 and cases = 0`.execute(trx)
}

/** The counters' reads for countRepeats (stats-repeat-counters.ts): one statement for every cell asked. */
export const sqlRepeatCounterReads = (db: Kysely<Database>): RepeatCounterReads => ({
  ready: async () => true, // 0034 filled them from the filer rows; every refresh since keeps them
  async read(cells) {
    const { rows } = await sql<Row>`select grain, to_char(period, 'YYYY-MM-DD') as period, site, keys, cases from stats_repeat_counters
      where (grain, period, site) in (${sql.join(cells.map((c) => sql`(${c.grain}, ${c.start}::date, ${c.site})`))})`.execute(db)
    const found = new Map<string, RepeatCount>()
    for (const r of rows) found.set(cellKey(cellOf(r)), { keys: Number(r.keys), cases: Number(r.cases) })
    return found
  },
})
