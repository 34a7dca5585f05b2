import { sql, type Kysely, type RawBuilder } from 'kysely'
import { DIMENSIONS } from '../../../src/domain/metrics/dimensions'
import { cubeToRead } from '../../../src/domain/metrics/site-less-cubes'
import type { CubeQuery, StatsStore } from '../../ports/stats-store'
import { snakeCase } from '../stats-rows'
import type { Database } from './database'

// The statistics' ranking and repeat counts on PGlite / PostgreSQL (ports/stats-store.ts; definitions in
// src/domain/metrics/shop-ranking.ts; why: docs/statistics-scale.md). Each is one statement whose answer
// is a few rows per line, month or period, whatever the number of shops and filers. For every site (the
// regulator) the shops are read from all_month_merchant, summed over sites and kinds (site-less-cubes.ts).

const DIMS = DIMENSIONS.map((d) => ({ dim: d, column: snakeCase(d) }))
type Row = Record<string, unknown>
const text = (v: unknown) => String(v)

/** The range, the sites and the equality filters of a statistics query (stats_cube and stats_filers share the columns). */
export function whereOf(q: Omit<CubeQuery, 'cube' | 'by'>): RawBuilder<unknown>[] {
  const parts = [sql`day >= ${q.from}::date`, sql`day <= ${q.to}::date`]
  if (q.sites !== null) parts.push(sql`site in (${sql.join([...q.sites])})`)
  for (const d of DIMS) {
    const value = q.where?.[d.dim]
    if (value !== undefined) parts.push(sql`${sql.id(d.column)} = ${value}`)
  }
  return parts
}

/** Whether the site-less twins may answer this caller (sql-site-less-ready.ts). */
type TwinsReady = (ask: { sites: readonly string[] | null }) => Promise<boolean>

export function sqlStatsRanking(
  db: Kysely<Database>,
  twinsReady: TwinsReady,
): Pick<StatsStore, 'rankShops' | 'monthTopShops' | 'countRepeats'> {
  // The regulator's ★: all_month_merchant holds one row per (month, line, shop), so each (month, line)'s top
  // shops are the first `top` entries of the partial index stats_cube_month_top (migration 0032), read by a
  // LATERAL … LIMIT: lines × months × top rows whatever the shops. The (month, line) cells come from
  // all_month_industry, which holds a row for every line with a case that month (the same refresh writes both).
  const monthTopsByIndex = async (q: Parameters<StatsStore['monthTopShops']>[0]) => {
    const { industry, merchant } = q.where ?? {}
    const { rows } = await sql<Row>`select c.industry, to_char(c.day, 'YYYY-MM-DD') as month, t.merchant, t.volume
      from (select day, industry from stats_cube where cube = 'all_month_industry' and day >= ${q.from}::date and day <= ${q.to}::date
          and industry <> '' ${industry === undefined ? sql`` : sql`and industry = ${industry}`} group by day, industry) c
      cross join lateral (select s.merchant, s.volume from stats_cube s
          where s.cube = 'all_month_merchant' and s.day = c.day and s.industry = c.industry and s.merchant <> '' and s.volume > 0
            ${merchant === undefined ? sql`` : sql`and s.merchant = ${merchant}`}
          order by s.volume desc, s.merchant collate "C" limit ${q.top}) t
      order by c.industry, c.day, t.volume desc, t.merchant collate "C"`.execute(db)
    return rows.map((r) => ({ industry: text(r.industry), merchant: text(r.merchant), volume: Number(r.volume), month: text(r.month) }))
  }
  return {
    // The ranking in one statement each: shops summed by line (and month), then row_number() per line
    // keeps the top ones. Shop ids ordered bytewise (collate "C"), as the domain's string order ties them.
    async rankShops(q) {
      if (q.sites !== null && q.sites.length === 0) return { lines: [], shops: [] }
      const cube = cubeToRead(q.cube, q, await twinsReady(q))
      const { rows } = await sql<Row>`with shops as (
          select industry, merchant, sum(volume) as volume from stats_cube
          where cube = ${cube} and merchant <> '' and ${sql.join(whereOf(q), sql` and `)}
          group by industry, merchant having sum(volume) > 0),
        ranked as (select industry, merchant, volume, sum(volume) over (partition by industry) as line_volume,
          row_number() over (partition by industry order by volume desc, merchant collate "C") as place from shops)
        select industry, merchant, volume, line_volume, place from ranked where place <= ${q.top} order by industry, place`.execute(db)
      const lines = new Map<string, number>()
      for (const r of rows) lines.set(text(r.industry), Number(r.line_volume))
      return {
        lines: [...lines.entries()].map(([industry, volume]) => ({ industry, volume })),
        shops: rows.map((r) => ({ industry: text(r.industry), merchant: text(r.merchant), volume: Number(r.volume) })),
      }
    },

    async monthTopShops(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const cube = cubeToRead('month_merchant', q, await twinsReady(q))
      if (cube === 'all_month_merchant') return monthTopsByIndex(q)
      const { rows } = await sql<Row>`with shops as (
          select industry, day, merchant, sum(volume) as volume from stats_cube
          where cube = ${cube} and merchant <> '' and ${sql.join(whereOf(q), sql` and `)}
          group by industry, day, merchant having sum(volume) > 0),
        ranked as (select *, row_number() over (partition by industry, day order by volume desc, merchant collate "C") as place from shops)
        select industry, to_char(day, 'YYYY-MM-DD') as month, merchant, volume from ranked where place <= ${q.top}
        order by industry, day, place`.execute(db)
      return rows.map((r) => ({ industry: text(r.industry), merchant: text(r.merchant), volume: Number(r.volume), month: text(r.month) }))
    },

    // Repeats per period in one pass over the rows: keys tallied once (only positive counts, as repeats.ts
    // addTo), each period's tally a FILTERed sum; a key with fewer than 2 cases over all the periods cannot
    // repeat in any of them, so HAVING drops it before the per-period counts. One row comes back.
    async countRepeats(q) {
      if ((q.sites !== null && q.sites.length === 0) || q.periods.length === 0) return []
      const from = q.periods.reduce((a, p) => (p.from < a ? p.from : a), q.periods[0].from)
      const to = q.periods.reduce((a, p) => (p.to > a ? p.to : a), q.periods[0].to)
      const ready = q.of === 'complainants' ? false : await twinsReady(q)
      const source =
        q.of === 'complainants'
          ? sql`select s.day, s.filer_key as key, s.cases as n from stats_filers s where ${sql.join(whereOf({ ...q, from, to }), sql` and `)}`
          : sql`select s.day, s.merchant as key, s.volume as n from stats_cube s
              where s.cube = ${cubeToRead(q.of.shops, q, ready)} and ${sql.join(whereOf({ ...q, from, to }), sql` and `)}`
      const tallies = q.periods.map(
        (p, i) => sql`coalesce(sum(e.n) filter (where e.day between ${p.from}::date and ${p.to}::date), 0) as ${sql.id(`c${i}`)}`,
      )
      const counts = q.periods.map((_, i) => {
        const c = sql.id(`c${i}`)
        return sql`count(*) filter (where ${c} >= 2) as ${sql.id(`k${i}`)}, coalesce(sum(${c}) filter (where ${c} >= 2), 0) as ${sql.id(`s${i}`)}`
      })
      const { rows } = await sql<Row>`with tallies as (select e.key, ${sql.join(tallies)} from (${source}) e where e.n > 0
          group by e.key having sum(e.n) >= 2)
        select ${sql.join(counts)} from tallies`.execute(db)
      const row = rows[0] ?? {}
      return q.periods.flatMap((p, i) => {
        const keys = Number(row[`k${i}`] ?? 0)
        return keys > 0 ? [{ period: p.period, keys, cases: Number(row[`s${i}`] ?? 0) }] : []
      })
    },
  }
}
