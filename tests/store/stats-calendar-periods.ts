import { periodStartOf, type RepeatGrain } from '../../src/domain/metrics/repeat-periods'
import { addMonths, monthEnd } from '../../src/domain/metrics/stats-plan'

// The calendar months, quarters and years the repeat-counter tests ask about (one builder for the contract
// and the rebuild's look at the counters), from the domain's own month arithmetic.

const MONTHS_IN: Record<RepeatGrain, number> = { month: 1, quarter: 3, year: 12 }

/** The calendar month, quarter or year a day belongs to, from its first day to its last (both included). */
export function calendarRange(day: string, grain: RepeatGrain): { from: string; to: string } {
  const from = periodStartOf(day, grain)
  return { from, to: monthEnd(addMonths(from, MONTHS_IN[grain] - 1)) }
}
