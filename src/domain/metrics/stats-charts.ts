import { ZERO, metricsOfCounters } from './counters'
import type { CubeRow } from './cubes'
import type { Dimension } from './dimensions'
import type { Metrics } from './group'
import type { Day } from './period'
import type { FilerRow } from './rollup'
import { metricsFromRollups } from './rollup'
import { periodSpecOf, periodsOf, weeksOf } from './stats-plan'
import type { StatsQuery } from './stats-query.schema'

// The statistics page's parts, read from summed cube rows. Every figure still goes through
// metricsFromRollups, so the page cannot disagree with the domain's own definitions.
export interface Count {
  key: string
  volume: number
}

const NOTHING: Metrics = { ...metricsOfCounters(ZERO), repeatMerchants: { keys: 0, cases: 0 }, repeatComplainants: { keys: 0, cases: 0 } }

/**
 * The figures of every period of the range (empty periods as zeros), and of the whole range.
 * `rows` give the counters; `merchantRows` (rows that keep the shop) give the repeat shops — a projection
 * without the shop would count all of a period's cases as one shop; `filers` give the repeat complainants.
 */
export function periodMetrics(
  q: Pick<StatsQuery, 'unit' | 'from' | 'to'>,
  rows: readonly CubeRow[],
  merchantRows: readonly CubeRow[],
  filers: readonly FilerRow[],
): { periods: { period: string; metrics: Metrics }[]; total: Metrics } {
  const range = { from: q.from, to: q.to }
  const read = (period: ReturnType<typeof periodSpecOf> | undefined) => {
    const grouping = { period, range, by: [] }
    const figures = metricsFromRollups({ rows: [...rows], filers: [...filers] }, grouping)
    const shops = new Map(metricsFromRollups({ rows: [...merchantRows], filers: [] }, grouping).map((g) => [g.key.period ?? '', g]))
    return new Map(
      figures.map((g) => [
        g.key.period ?? '',
        { ...g.metrics, repeatMerchants: shops.get(g.key.period ?? '')?.metrics.repeatMerchants ?? NOTHING.repeatMerchants },
      ]),
    )
  }
  const byPeriod = read(periodSpecOf(q))
  const periods = periodsOf(q).map((period) => ({ period, metrics: byPeriod.get(period) ?? NOTHING }))
  return { periods, total: read(undefined).get('') ?? NOTHING }
}

/** Cases received per week over the range, every week shown (0 when none). */
export function weeklyOf(rows: readonly CubeRow[], from: Day, to: Day): Count[] {
  const figures = metricsFromRollups({ rows: [...rows], filers: [] }, { period: { unit: 'week' }, range: { from, to }, by: [] })
  const volumes = new Map(figures.map((g) => [g.key.period ?? '', g.metrics.volume]))
  return weeksOf(from, to).map((key) => ({ key, volume: volumes.get(key) ?? 0 }))
}

/** Cases per value of one dimension: the known values in their usual order (zeros included), then any other. */
export function countsBy(rows: readonly CubeRow[], dimension: Dimension, known: readonly string[]): Count[] {
  const volumes = new Map<string, number>(known.map((k) => [k, 0]))
  for (const r of rows) volumes.set(r[dimension], (volumes.get(r[dimension]) ?? 0) + r.volume)
  return [...volumes.entries()].filter(([key, v]) => known.includes(key) || v !== 0).map(([key, volume]) => ({ key, volume }))
}

export interface HeatCell {
  /** 1 Monday … 7 Sunday */
  weekday: number
  hour: number
  volume: number
}

/** Weekday × hour: all 168 cells, from rows split by slot ("1-09" is Monday 09:00–09:59). */
export function heatCellsOf(rows: readonly CubeRow[]): HeatCell[] {
  const volumes = new Map<string, number>()
  for (const r of rows) if (r.slot) volumes.set(r.slot, (volumes.get(r.slot) ?? 0) + r.volume)
  const cells: HeatCell[] = []
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++)
      cells.push({ weekday, hour, volume: volumes.get(`${weekday}-${String(hour).padStart(2, '0')}`) ?? 0 })
  return cells
}
