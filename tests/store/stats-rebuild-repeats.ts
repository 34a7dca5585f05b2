import type { StatsStore } from '../../cloudfunctions/ports/stats-store'
import { REPEAT_GRAINS } from '../../src/domain/metrics/repeat-periods'
import type { FilerRow } from '../../src/domain/metrics/rollup'
import { repeatsByPeriodOf, type PeriodRange, type PeriodRepeats } from '../../src/domain/metrics/shop-ranking'
import { calendarRange } from './stats-calendar-periods'

// The rebuild contract's look at the repeat-complainant counters (src/domain/metrics/repeat-periods.ts): every
// calendar month, quarter and year the filer rows touch, asked for every site and for each site, where the
// counters answer them; and the same periods tallied from the filer rows by the domain's definition.

function calendarPeriodsOf(days: readonly string[]): PeriodRange[] {
  const periods = new Map<string, PeriodRange>()
  for (const day of days)
    for (const grain of REPEAT_GRAINS) {
      const range = calendarRange(day, grain)
      periods.set(`${grain} ${range.from}`, { period: `${grain} ${range.from}`, ...range })
    }
  return [...periods.values()]
}

/** Per scope ('' every site, else the site): what countRepeats answers, and what the filer rows tally to. */
export async function repeatAnswers(store: StatsStore, filers: readonly FilerRow[]) {
  const periods = calendarPeriodsOf(filers.map((f) => f.day))
  const sites = [...new Set(filers.map((f) => f.dims.site))].sort()
  const answered: Record<string, PeriodRepeats[]> = {}
  const tallied: Record<string, PeriodRepeats[]> = {}
  for (const site of ['', ...sites]) {
    answered[site] = await store.countRepeats({ of: 'complainants', periods, sites: site === '' ? null : [site] })
    const rows = filers.filter((f) => site === '' || f.dims.site === site)
    tallied[site] = repeatsByPeriodOf(
      rows.map((f) => ({ day: f.day, key: f.filerKey, n: f.cases })),
      periods,
    )
  }
  return { answered, tallied }
}
