import { COUNTER_NAMES, ZERO, type CounterName, type Counters } from './counters'
import type { CubeRow } from './cubes'
import { DIMENSIONS } from './dimensions'
import { mondayOf, type Day } from './period'
import { monthStart } from './stats-plan'

// How far a cube query sums its days, and which counters it sums (ports/stats-store.ts CubeQuery): the
// page's charts do not need a row per stored day with every counter. The heat map and the bars read the
// volume over the whole range; the trend and the period table read every counter, but only per week within
// a month — which both the weekly trend and any period of the page (week, month, quarter, the range)
// are made of. Summed to that grain in the store, a station's answer stops growing with its cases
// (docs/statistics-scale.md "The station's page"). These functions are the definition the stores must match.

/**
 * 'day' (the default): as stored, a row per day (a month cube's month's 1st);
 * 'week-month': the days of one Monday–Sunday week that fall in one calendar month summed, the row's day the
 * first day of that part within the range — every day it stands for has its week, month and quarter;
 * 'range': every day summed, the row's day the query's `from`.
 */
export type SumGrain = 'day' | 'week-month' | 'range'

const latest = (...days: Day[]): Day => days.reduce((a, b) => (b > a ? b : a))

/** The day a stored row's day is summed under at the grain (the query's `from` bounds it). */
export function grainDayOf(day: Day, grain: SumGrain, from: Day): Day {
  if (grain === 'day') return day
  if (grain === 'range') return from
  return latest(mondayOf(day) ?? day, monthStart(day), from)
}

/** The counters a query sums: those asked and the volume (every chart reads it), or every one when none are named. */
export const countersAsked = (asked: readonly CounterName[] | undefined): readonly CounterName[] =>
  asked === undefined ? COUNTER_NAMES : COUNTER_NAMES.filter((name) => name === 'volume' || asked.includes(name))

/**
 * Stored-grain rows (a full read) summed to the grain, the counters not asked left 0: what a store answers
 * for the same query with `grain` and `counters`. Rows that sum to nothing in every asked counter stay, as
 * the stores keep a group with rows in it; the order is by day, then slot, then tag and dimensions.
 */
export function atGrain(rows: readonly CubeRow[], grain: SumGrain, from: Day, asked?: readonly CounterName[]): CubeRow[] {
  const names = countersAsked(asked)
  const groups = new Map<string, CubeRow>()
  for (const row of rows) {
    const day = grainDayOf(row.day, grain, from)
    const key = [day, row.slot, row.tag ?? '', ...DIMENSIONS.map((d) => row[d])].join('\u241f')
    const found = groups.get(key)
    const counters: Counters = { ...ZERO }
    for (const name of names) counters[name] = (found?.[name] ?? 0) + row[name]
    groups.set(key, { ...(found ?? row), day, ...counters })
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}

/**
 * What each chart of the statistics page asks of its cube beyond the range and filters (the service's reads,
 * and the bench's questions): the trend and the period table every counter, per week within a month (per day
 * on a page by day); the bars and the heat map only the volume, over the whole range.
 */
export const CHART_SUMS = {
  trend: (unit: string): { grain: SumGrain } => ({ grain: unit === 'day' ? 'day' : 'week-month' }),
  bars: { grain: 'range', counters: ['volume'] },
  heat: { grain: 'range', counters: ['volume'] },
} as const satisfies Record<string, unknown>
