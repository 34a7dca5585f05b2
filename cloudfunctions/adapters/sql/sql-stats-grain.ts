import { sql, type RawBuilder } from 'kysely'
import { countersAsked } from '../../../src/domain/metrics/cube-grain'
import type { CounterName } from '../../../src/domain/metrics/counters'
import type { CubeQuery } from '../../ports/stats-store'
import { snakeCase } from '../stats-rows'

// sumCube's grain and counters on PostgreSQL / PGlite (cube-grain.ts is the definition): the days summed in
// the statement, so a station's heat map comes back as one row per slot and its trend as one row per week
// within a month, whatever the cases; and only the counters the chart reads are summed and sent.

/** The day a row is summed under, as a date expression ('day' grain: the stored day itself). */
export function grainDay(q: Pick<CubeQuery, 'grain' | 'from'>): RawBuilder<unknown> {
  switch (q.grain ?? 'day') {
    case 'day':
      return sql`day`
    case 'range':
      return sql`${q.from}::date`
    case 'week-month':
      // ISO weeks start on Monday, as mondayOf's; on a timestamp (not timestamptz): no time zone in the way
      return sql`greatest(date_trunc('week', day::timestamp)::date, date_trunc('month', day::timestamp)::date, ${q.from}::date)`
  }
}

/** The counters summed: `sum(column) as name` for each one asked. */
export const counterSums = (q: Pick<CubeQuery, 'counters'>): RawBuilder<unknown>[] =>
  countersAsked(q.counters).map((name: CounterName) => sql`sum(${sql.id(snakeCase(name))}) as ${sql.id(name)}`)
