import type { Day } from './period'
import type { FilerRow } from './rollup'
import type { RepeatCount } from './repeats'
import type { PeriodRange, PeriodRepeats } from './shop-ranking'
import { addMonths, monthEnd, monthStart } from './stats-plan'

// Repeat complainants per calendar month, quarter and year, kept as counters (docs/metrics.md "重复投诉人",
// docs/statistics-scale.md). A distinct count does not add up across months (two filings in April and May
// repeat in the quarter and in neither month), so the stores keep, per calendar period and scope, each
// filer's tally of cases (a "tally") and the period's counter: the filers whose tally is 2 or more and their
// cases. The refresh adds a case's filer-row difference to the tallies; a tally crossing from 1 to 2 adds
// the filer and its two cases to the counter, one going further adds a case, and the reverse takes them away
// — so a counter is always repeatsOf(the period's tallies), exactly, whatever order the cases came and left.
// Scopes are those of the exact tally: each site, and every site ('': the regulator's, a filer counted once
// across sites). Any other question (a custom range, a 合计 that is no calendar quarter or year, a filter,
// several sites) is answered by the exact tally over the filer rows of its range.

export const REPEAT_GRAINS = ['month', 'quarter', 'year'] as const
export type RepeatGrain = (typeof REPEAT_GRAINS)[number]
/** The scope that counts a filer across every site (the regulator's). */
export const EVERY_SITE = ''

/** One counter: a calendar period (grain and first day) in a scope (a site, or EVERY_SITE). */
export interface RepeatCell {
  grain: RepeatGrain
  start: Day
  site: string
}
/** A filer's tally in a cell changed by `cases`. */
export interface TallyDelta extends RepeatCell {
  filerKey: string
  cases: number
}

const ymd = (day: Day) => ({ y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)) })

/** The first day of the calendar month, quarter and year a day belongs to. */
export function periodStartOf(day: Day, grain: RepeatGrain): Day {
  const { y, m } = ymd(day)
  if (grain === 'year') return `${y}-01-01`
  if (grain === 'quarter') return addMonths(day, -((m - 1) % 3))
  return monthStart(day)
}

/** The calendar month, quarter or year that is exactly from … to (both included), or null. */
export function calendarPeriodOf(from: Day, to: Day): { grain: RepeatGrain; start: Day } | null {
  const a = ymd(from)
  const b = ymd(to)
  if (from !== monthStart(from) || a.y !== b.y || to !== monthEnd(to)) return null
  if (a.m === b.m) return { grain: 'month', start: from }
  if (a.m % 3 === 1 && b.m === a.m + 2) return { grain: 'quarter', start: from }
  if (a.m === 1 && b.m === 12) return { grain: 'year', start: from }
  return null
}

export const cellKey = (c: RepeatCell) => `${c.grain}\u241f${c.start}\u241f${c.site}`
/** One filer's tally in a cell, as a key. */
export const tallyKey = (t: RepeatCell & { filerKey: string }) => `${cellKey(t)}\u241f${t.filerKey}`
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A refresh's filer-row difference as tally changes, merged per (cell, filer), zeros dropped, in key order (lock order). */
export function tallyDeltasOf(filers: readonly FilerRow[]): TallyDelta[] {
  const merged = new Map<string, TallyDelta>()
  for (const f of filers)
    for (const grain of REPEAT_GRAINS)
      for (const site of [f.dims.site, EVERY_SITE]) {
        const t = { grain, start: periodStartOf(f.day, grain), site, filerKey: f.filerKey, cases: f.cases }
        const key = tallyKey(t)
        const found = merged.get(key)
        merged.set(key, found ? { ...found, cases: found.cases + f.cases } : t)
      }
  return [...merged.entries()]
    .filter(([, t]) => t.cases !== 0)
    .sort(([a], [b]) => compare(a, b))
    .map(([, t]) => t)
}

/** What one filer's tally adds to its cell's counter: itself and its cases from 2 cases on. */
export const repeatShareOf = (tally: number): RepeatCount => (tally >= 2 ? { keys: 1, cases: tally } : { keys: 0, cases: 0 })

/** The counters' changes for tallies that went from `before` to `after`, merged per cell, zeros dropped, in key order. */
export function counterDeltasOf(changes: readonly (RepeatCell & { before: number; after: number })[]): (RepeatCell & RepeatCount)[] {
  const merged = new Map<string, RepeatCell & RepeatCount>()
  for (const c of changes) {
    const was = repeatShareOf(c.before)
    const now = repeatShareOf(c.after)
    const key = cellKey(c)
    const found = merged.get(key) ?? { grain: c.grain, start: c.start, site: c.site, keys: 0, cases: 0 }
    merged.set(key, { ...found, keys: found.keys + now.keys - was.keys, cases: found.cases + now.cases - was.cases })
  }
  return [...merged.entries()]
    .filter(([, c]) => c.keys !== 0 || c.cases !== 0)
    .sort(([a], [b]) => compare(a, b))
    .map(([, c]) => c)
}

/** A repeat question's periods split: those a counter answers (with its cell) and those left to the exact tally. */
export interface RepeatSplit {
  counted: (PeriodRange & { cell: RepeatCell })[]
  exact: PeriodRange[]
}

/**
 * Which periods the counters answer: whole calendar months, quarters and years, for one site or every site
 * (sites null), without a filter. Everything else keeps the exact tally (bounded by its range).
 */
export function splitRepeatPeriods(q: {
  periods: readonly PeriodRange[]
  sites: readonly string[] | null
  where?: Partial<Record<string, string | undefined>>
}): RepeatSplit {
  const filtered = Object.values(q.where ?? {}).some((v) => v !== undefined)
  const site = q.sites === null ? EVERY_SITE : q.sites.length === 1 ? q.sites[0] : null
  if (filtered || site === null) return { counted: [], exact: [...q.periods] }
  const split: RepeatSplit = { counted: [], exact: [] }
  for (const p of q.periods) {
    const calendar = calendarPeriodOf(p.from, p.to)
    if (calendar) split.counted.push({ ...p, cell: { ...calendar, site } })
    else split.exact.push(p)
  }
  return split
}

/** The answer in the periods' order: each counted period's counter (left out at 0, as the exact tally leaves it), the rest as tallied. */
export function joinRepeats(
  periods: readonly PeriodRange[],
  split: RepeatSplit,
  counters: ReadonlyMap<string, RepeatCount>,
  tallied: readonly PeriodRepeats[],
): PeriodRepeats[] {
  const byPeriod = new Map<string, PeriodRepeats>()
  for (const p of split.counted) {
    const c = counters.get(cellKey(p.cell))
    if (c && c.keys > 0) byPeriod.set(p.period, { period: p.period, keys: c.keys, cases: c.cases })
  }
  for (const t of tallied) byPeriod.set(t.period, t)
  return periods.flatMap((p) => {
    const found = byPeriod.get(p.period)
    return found ? [found] : []
  })
}
