import type { CaseFacts } from './case-facts'
import { addCounters, countersOf, isZero, negateCounters, type Counters } from './counters'
import { DIMENSIONS, type DimensionValues, type Grouping } from './dimensions'
import { Groups, type GroupMetrics } from './group'
import type { Day } from './period'

// The daily rollup (issue 18.2): one row per (day, site, merchant, industry, problem type, channel,
// kind) holding only counts that add — so every figure of any coarser group (a week, a quarter, an
// industry line, all sites) is the sum of rows, and a statistics query reads rows, never cases.
// Repeat complainants cannot be summed from these rows (repeats.ts): their tally is kept apart, one
// row per (day, dimensions, filer key), with the key a salted hash and the figure only ever a count.
export type RollupRow = { day: Day } & DimensionValues & Counters

export interface FilerRow {
  day: Day
  dims: DimensionValues
  filerKey: string
  cases: number
}

export interface Rollup {
  rows: RollupRow[]
  filers: FilerRow[]
}

const rowKey = (day: Day, dims: DimensionValues, extra = '') => [day, ...DIMENSIONS.map((d) => dims[d]), extra].join('\u241f')

const dimsOf = (row: RollupRow): DimensionValues => ({
  site: row.site,
  merchant: row.merchant,
  industry: row.industry,
  problemType: row.problemType,
  channel: row.channel,
  kind: row.kind,
})

/** A case's contribution: the row it adds to (maintenance adds the new contribution and takes away the old). */
export function contributionOf(f: CaseFacts): RollupRow {
  return { day: f.day, ...f.dims, ...countersOf(f) }
}

const filerRowsOf = (f: CaseFacts, cases: number): FilerRow[] =>
  f.filerKey ? [{ day: f.day, dims: f.dims, filerKey: f.filerKey, cases }] : []

/** The rows of a set of cases: their contributions added key by key (what the rebuild writes). */
export function rollupOf(facts: readonly CaseFacts[]): Rollup {
  return mergeRollups({ rows: [], filers: [] }, { rows: facts.map(contributionOf), filers: facts.flatMap((f) => filerRowsOf(f, 1)) })
}

/**
 * The upkeep of one change (docs/metrics.md "Next: storage"): when an event changes a case's facts, the
 * rows gain the new contribution and lose the old one — two rows when a dimension (the industry line)
 * or the day moved, else one. `before` is null for a new case.
 */
export function rollupDelta(before: CaseFacts | null, after: CaseFacts): Rollup {
  const old: Rollup = before
    ? { rows: [{ ...contributionOf(before), ...negateCounters(countersOf(before)) }], filers: filerRowsOf(before, -1) }
    : { rows: [], filers: [] }
  return mergeRollups(old, { rows: [contributionOf(after)], filers: filerRowsOf(after, 1) })
}

/** Two sets of rows added key by key; rows that come to nothing are dropped, as the store deletes them. */
export function mergeRollups(a: Rollup, b: Rollup): Rollup {
  const rows = new Map<string, RollupRow>()
  for (const row of [...a.rows, ...b.rows]) {
    const key = rowKey(row.day, dimsOf(row))
    const found = rows.get(key)
    rows.set(key, found ? { ...found, ...addCounters(found, row) } : row)
  }
  const filers = new Map<string, FilerRow>()
  for (const f of [...a.filers, ...b.filers]) {
    const key = rowKey(f.day, f.dims, f.filerKey)
    const found = filers.get(key)
    filers.set(key, found ? { ...found, cases: found.cases + f.cases } : f)
  }
  return { rows: [...rows.values()].filter((r) => !isZero(r)), filers: [...filers.values()].filter((f) => f.cases !== 0) }
}

/** The same figures as metricsOf, read from rollup rows only. */
export function metricsFromRollups(rollup: Rollup, grouping: Grouping): GroupMetrics[] {
  const groups = new Groups(grouping)
  for (const row of rollup.rows) groups.addCounts(row.day, dimsOf(row), row)
  for (const f of rollup.filers) groups.addFiler(f.day, f.dims, f.filerKey, f.cases)
  return groups.result()
}
