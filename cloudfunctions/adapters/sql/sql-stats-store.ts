import { z } from 'zod'
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import { COUNTER_NAMES } from '../../../src/domain/metrics/counters'
import { cubeRowKey, statsDelta, type CaseContribution, type CubeRow } from '../../../src/domain/metrics/cubes'
import { DIMENSIONS, type Dimension } from '../../../src/domain/metrics/dimensions'
import { cubeToRead } from '../../../src/domain/metrics/site-less-cubes'
import type { FilerRow } from '../../../src/domain/metrics/rollup'
import type { SavedStatsQuery, StatsStore } from '../../ports/stats-store'
import { countersFrom, CubeIdSchema, parseContribution, snakeCase } from '../stats-rows'
import type { Database } from './database'
import { sqlSiteLessReadiness } from './sql-site-less-ready'
import { sqlStatsRanking, whereOf } from './sql-stats-ranking'
import { counterSums, grainDay } from './sql-stats-grain'
import { applyRepeatCounters, REPEAT_TABLES, sqlRepeatCounterReads } from './sql-stats-repeat-counters'
import { withRepeatCounters } from '../stats-repeat-counters'

// The statistics' read model on PGlite / PostgreSQL (migration 0019; ports/stats-store.ts). Every
// cube is one table, stats_cube, keyed (cube, day, six dimensions, slot): a query is a range read of
// one cube's days (the key, for every site) or of one site's days (stats_cube_site_day), summed here
// by GROUP BY. A refresh adds the difference of a case's old and new contribution (statsDelta) with
// INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x, and deletes the rows that came to nothing.

const COUNTERS = COUNTER_NAMES.map((name) => ({ name, column: snakeCase(name) }))
const DIMS = DIMENSIONS.map((d) => ({ dim: d, column: snakeCase(d) }))
// tag: month_tag's tag, '' in every other cube (migration 0031)
const CUBE_KEY = sql.raw(['cube', 'day', ...DIMS.map((d) => d.column), 'slot', 'tag'].join(', '))
const FILER_KEY = sql.raw(['day', ...DIMS.map((d) => d.column), 'filer_key'].join(', '))
const ids = (names: readonly string[]) => sql.join(names.map((n) => sql.id(n)))

/** The instant a mark is kept as, to the microsecond: refreshCaseStats compares it exactly. */
const MARK_TEXT = sql`to_char(marked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * Mark cases pending inside the transaction of the write that changed them (createCase's statement
 * has it as a CTE, file-case-statement.ts). clock_timestamp(): every write's mark differs from the one
 * a running refresh read, so that refresh leaves the newer mark for the next pass.
 */
export async function markStatsPendingIn(trx: Kysely<Database> | Transaction<Database>, caseIds: readonly string[]) {
  // once each (ON CONFLICT DO UPDATE may not touch one row twice), sorted: two ticks at once lock them in one order
  const unique = [...new Set(caseIds)].sort()
  if (unique.length === 0) return
  await sql`insert into stats_pending (case_id, marked_at)
    select v.case_id, clock_timestamp() from (values ${sql.join(unique.map((id) => sql`(${id}::text)`))}) as v (case_id)
    on conflict (case_id) do update set marked_at = excluded.marked_at`.execute(trx)
}

/** The same mark as one part of a WITH statement, written only if `gate` (a CTE) answered a row. */
export const statsMarkCte = (caseId: string, gate: string): RawBuilder<unknown> =>
  sql`stats_mark as (insert into stats_pending (case_id, marked_at) select ${caseId}, clock_timestamp()
    where exists (select 1 from ${sql.id(gate)}) on conflict (case_id) do update set marked_at = excluded.marked_at)`

type Row = Record<string, unknown>
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const filerKeyText = (f: FilerRow) => [f.day, ...DIMENSIONS.map((d) => f.dims[d]), f.filerKey].join('\u241f')
const SpecSchema = z.record(z.string(), z.unknown())
const text = (v: unknown) => String(v)

async function applyDelta(trx: Transaction<Database>, before: CaseContribution | null, next: CaseContribution | null) {
  // in key order: two refreshes at once (two hosts) lock the rows they share in the same order, so neither deadlocks
  const delta = statsDelta(before, next)
  const rows = [...delta.rows].sort((a, b) => compare(cubeRowKey(a), cubeRowKey(b)))
  const filers = [...delta.filers].sort((a, b) => compare(filerKeyText(a), filerKeyText(b)))
  if (rows.length > 0) {
    const columns = ['cube', 'day', ...DIMS.map((d) => d.column), 'slot', 'tag', ...COUNTERS.map((c) => c.column)]
    const values = rows.map(
      (r) =>
        sql`(${sql.join([r.cube, sql`${r.day}::date`, ...DIMS.map((d) => r[d.dim]), r.slot, r.tag ?? '', ...COUNTERS.map((c) => r[c.name])])})`,
    )
    await sql`insert into stats_cube (${ids(columns)}) values ${sql.join(values)}
      on conflict (${CUBE_KEY}) do update set ${sql.join(COUNTERS.map((c) => sql`${sql.id(c.column)} = stats_cube.${sql.id(c.column)} + excluded.${sql.id(c.column)}`))}`.execute(
      trx,
    )
    const keys = rows.map((r) => sql`(${sql.join([r.cube, sql`${r.day}::date`, ...DIMS.map((d) => r[d.dim]), r.slot, r.tag ?? ''])})`)
    await sql`delete from stats_cube where (${CUBE_KEY}) in (${sql.join(keys)})
      and ${sql.join(
        COUNTERS.map((c) => sql`${sql.id(c.column)} = 0`),
        sql` and `,
      )}`.execute(trx)
  }
  if (filers.length > 0) {
    const key = (f: FilerRow) => [sql`${f.day}::date`, ...DIMS.map((d) => f.dims[d.dim]), f.filerKey]
    await sql`insert into stats_filers (${FILER_KEY}, cases) values ${sql.join(filers.map((f) => sql`(${sql.join([...key(f), f.cases])})`))}
      on conflict (${FILER_KEY}) do update set cases = stats_filers.cases + excluded.cases`.execute(trx)
    await sql`delete from stats_filers where (${FILER_KEY}) in (${sql.join(filers.map((f) => sql`(${sql.join(key(f))})`))}) and cases = 0`.execute(
      trx,
    )
    await applyRepeatCounters(trx, filers) // repeat complainants per calendar month, quarter, year (migration 0034)
  }
}

const toSaved = (r: Row): SavedStatsQuery => ({
  id: text(r.id),
  ownerId: text(r.owner_id),
  name: text(r.name),
  spec: SpecSchema.parse(typeof r.spec === 'string' ? JSON.parse(r.spec) : r.spec),
  savedAt: new Date(text(r.saved_at)).toISOString(),
})

export function sqlStatsStore(db: Kysely<Database>): StatsStore {
  const twinsReady = sqlSiteLessReadiness(db) // the regulator reads the site-less twins only once they hold every case
  const ranking = sqlStatsRanking(db, twinsReady)
  return {
    ...ranking,
    // whole calendar months, quarters and years from their counters; other ranges tallied (stats-repeat-counters.ts)
    countRepeats: withRepeatCounters(ranking.countRepeats, sqlRepeatCounterReads(db)),

    async sumCube(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const kept = (d: Dimension) => q.by.includes(d)
      const cube = cubeToRead(q.cube, q, await twinsReady(q))
      // the day at the query's grain and only the counters asked (sql-stats-grain.ts); grouped on that day as a
      // date (at grain 'day' the stored column itself) and formatted once per group, outside
      const { rows } =
        await sql<Row>`select to_char(g.grain_day, 'YYYY-MM-DD') as day, g.* from (select ${grainDay(q)} as grain_day, slot, tag,
          ${sql.join(DIMS.map((d) => (kept(d.dim) ? sql`${sql.id(d.column)} as ${sql.id(d.dim)}` : sql`'' as ${sql.id(d.dim)}`)))},
          ${sql.join(counterSums(q))}
        from stats_cube where cube = ${cube} and ${sql.join(whereOf(q), sql` and `)}
          ${q.tag === undefined ? sql`` : sql`and tag = ${q.tag}`}
        group by 1, ${sql.join(['slot', 'tag', ...DIMS.filter((d) => kept(d.dim)).map((d) => d.column)].map((c) => sql.id(c)))}) g
        order by g.grain_day, g.slot`.execute(db)
      return rows.map((r): CubeRow => ({
        cube: CubeIdSchema.parse(q.cube),
        day: text(r.day),
        slot: text(r.slot),
        ...(r.tag ? { tag: text(r.tag) } : {}),
        site: text(r.site),
        merchant: text(r.merchant),
        industry: text(r.industry),
        problemType: text(r.problemType),
        channel: text(r.channel),
        kind: text(r.kind),
        ...countersFrom((name) => r[name]),
      }))
    },

    async listFilerRows(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const { rows } = await sql<Row>`select to_char(day, 'YYYY-MM-DD') as day, ${ids(DIMS.map((d) => d.column))}, filer_key, cases
        from stats_filers where ${sql.join(whereOf(q), sql` and `)} order by day, filer_key`.execute(db)
      return rows.map((r) => ({
        day: text(r.day),
        dims: {
          site: text(r.site),
          merchant: text(r.merchant),
          industry: text(r.industry),
          problemType: text(r.problem_type),
          channel: text(r.channel),
          kind: text(r.kind),
        },
        filerKey: text(r.filer_key),
        cases: Number(r.cases),
      }))
    },

    async listStatsPending(limit) {
      const { rows } = await sql<{ case_id: string; marked: string }>`select case_id, ${MARK_TEXT} as marked from stats_pending
        order by marked_at, case_id limit ${limit}`.execute(db)
      return rows.map((r) => ({ caseId: r.case_id, markedAt: r.marked }))
    },

    refreshCaseStats: (pending, next) =>
      db.transaction().execute(async (trx) => {
        // the stored contribution, locked (a first refresh inserts the row it locks): two refreshes of
        // one case queue here, and the second takes away what the first added
        const { rows } = await sql<{ contribution: unknown }>`insert into stats_contributions (case_id, contribution)
          values (${pending.caseId}, 'null'::jsonb) on conflict (case_id) do update set case_id = excluded.case_id
          returning contribution`.execute(trx)
        const stored = rows[0]?.contribution
        const before =
          stored === null || stored === undefined || stored === 'null'
            ? null
            : parseContribution(typeof stored === 'string' ? JSON.parse(stored) : stored)
        await applyDelta(trx, before, next)
        if (next)
          await sql`update stats_contributions set contribution = ${JSON.stringify(next)}::jsonb where case_id = ${pending.caseId}`.execute(
            trx,
          )
        else await sql`delete from stats_contributions where case_id = ${pending.caseId}`.execute(trx)
        // a write that marked the case again since the pass read it keeps its mark: the next pass sees it
        await sql`delete from stats_pending where case_id = ${pending.caseId} and marked_at = ${pending.markedAt}::timestamptz`.execute(trx)
      }),

    async statsWatermark() {
      const { rows } = await sql<{ at: Date | string }>`select at from stats_watermark`.execute(db)
      return rows[0] ? new Date(rows[0].at).toISOString() : null
    },

    async setStatsWatermark(at) {
      await sql`insert into stats_watermark (id, at) values (true, ${at}::timestamptz)
        on conflict (id) do update set at = excluded.at`.execute(db)
    },

    clearStats: () =>
      db.transaction().execute(async (trx) => {
        for (const table of ['stats_cube', 'stats_filers', ...REPEAT_TABLES, 'stats_contributions', 'stats_pending', 'stats_watermark'])
          await sql`delete from ${sql.table(table)}`.execute(trx)
      }),

    markStatsPending: (caseIds) => markStatsPendingIn(db, caseIds),

    async saveStatsQuery(q) {
      await sql`insert into stats_queries (id, owner_id, name, spec, saved_at)
        values (${q.id}, ${q.ownerId}, ${q.name}, ${JSON.stringify(q.spec)}::jsonb, ${q.savedAt}::timestamptz)
        on conflict (id) do update set name = excluded.name, spec = excluded.spec, saved_at = excluded.saved_at
        where stats_queries.owner_id = excluded.owner_id`.execute(db)
    },

    async listStatsQueries(ownerId) {
      const { rows } = await sql<Row>`select * from stats_queries where owner_id = ${ownerId} order by name, id`.execute(db)
      return rows.map(toSaved)
    },

    async deleteStatsQuery(ownerId, id) {
      const res = await sql`delete from stats_queries where owner_id = ${ownerId} and id = ${id}`.execute(db)
      return Number(res.numAffectedRows ?? 0) > 0
    },
  }
}
