import type { RepeatCount } from '../../src/domain/metrics/repeats'
import { joinRepeats, splitRepeatPeriods, type RepeatCell } from '../../src/domain/metrics/repeat-periods'
import type { StatsStore } from '../ports/stats-store'

// countRepeats with the repeat-complainant counters (src/domain/metrics/repeat-periods.ts), for both stores:
// the periods that are whole calendar months, quarters or years, for one site or every site and without a
// filter, are read from their counters (one small row each, whatever the filings); the others, and all of
// them while a store's counters are not whole yet, go to the store's exact tally over the filer rows.
export interface RepeatCounterReads {
  /** May the counters answer? (CloudBase: once its upgrade has counted every case; SQL: always, 0034 filled them.) */
  ready(): Promise<boolean>
  /** The counters of these cells, by cellKey; a cell without one has no repeat complainant. */
  read(cells: readonly RepeatCell[]): Promise<Map<string, RepeatCount>>
}

export function withRepeatCounters(exact: StatsStore['countRepeats'], counters: RepeatCounterReads): StatsStore['countRepeats'] {
  return async (q) => {
    if (q.of !== 'complainants' || (q.sites !== null && q.sites.length === 0)) return exact(q)
    const split = splitRepeatPeriods(q)
    if (split.counted.length === 0 || !(await counters.ready())) return exact(q)
    const [read, tallied] = await Promise.all([
      counters.read(split.counted.map((p) => p.cell)),
      split.exact.length > 0 ? exact({ ...q, periods: split.exact }) : Promise.resolve([]),
    ])
    return joinRepeats(q.periods, split, read, tallied)
  }
}
