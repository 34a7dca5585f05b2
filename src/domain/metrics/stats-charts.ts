import { ZERO, metricsOfCounters } from './counters'
import type { CubeRow } from './cubes'
import type { Dimension } from './dimensions'
import type { Metrics } from './group'
import type { Day } from './period'
import type { PeriodRepeats } from './shop-ranking'
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

/** The repeats of every period ('' the whole range), as the store counts them (countRepeats). */
export interface PeriodRepeatCounts {
  merchants: readonly PeriodRepeats[]
  complainants: readonly PeriodRepeats[]
}

/**
 * The figures of every period of the range (empty periods as zeros), and of the whole range.
 * `rows` give the counters; the repeat shops and complainants are counted by the store per period
 * (a count of distinct keys does not add up across rows, repeats.ts).
 */
export function periodMetrics(
  q: Pick<StatsQuery, 'unit' | 'from' | 'to'>,
  rows: readonly CubeRow[],
  repeats: PeriodRepeatCounts,
): { periods: { period: string; metrics: Metrics }[]; total: Metrics } {
  const range = { from: q.from, to: q.to }
  const count = (list: readonly PeriodRepeats[], period: string) => {
    const found = list.find((r) => r.period === period)
    return found ? { keys: found.keys, cases: found.cases } : { keys: 0, cases: 0 }
  }
  const read = (period: ReturnType<typeof periodSpecOf> | undefined) => {
    const figures = metricsFromRollups({ rows: [...rows], filers: [] }, { period, range, by: [] })
    return new Map(
      figures.map((g) => {
        const key = g.key.period ?? ''
        return [key, { ...g.metrics, repeatMerchants: count(repeats.merchants, key), repeatComplainants: count(repeats.complainants, key) }]
      }),
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
