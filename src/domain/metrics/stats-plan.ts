import type { CubeId } from './cubes'
import type { Dimension } from './dimensions'
import { periodKey, type Day, type PeriodSpec } from './period'
import type { StatsQuery } from './stats-query.schema'

// Which cube answers which part of the statistics page (docs/statistics-page.md). The page's fixed charts
// read the small projections; a filter on a dimension a projection dropped (industry line, problem type,
// channel, shop) sends every part to the full daily cube, which keeps them all. Month cubes answer only
// whole months: their rows hold the month, not the day.
const pad = (n: number) => String(n).padStart(2, '0')
const utc = (day: Day) => Date.parse(`${day}T00:00:00Z`)
const dayOfUtc = (t: number): Day => {
  const d = new Date(t)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export const addDays = (day: Day, n: number): Day => dayOfUtc(utc(day) + n * 86_400_000)
export const monthStart = (day: Day): Day => `${day.slice(0, 7)}-01`
/** The 1st of the month `n` months after (or before) the day's month. */
export function addMonths(day: Day, n: number): Day {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`
}
export const monthEnd = (day: Day): Day => addDays(addMonths(day, 1), -1)

/** The range starts on a month's 1st and ends on a month's last day. */
export const isWholeMonths = (from: Day, to: Day): boolean => from === monthStart(from) && to === monthEnd(to)

/** Every day of the range, in order (at most MAX_SPAN_DAYS). */
export function daysOf(from: Day, to: Day): Day[] {
  const days: Day[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d)
  return days
}

export function periodSpecOf(q: Pick<StatsQuery, 'unit' | 'from' | 'to'>): PeriodSpec {
  return q.unit === 'custom' ? { unit: 'custom', from: q.from, to: q.to } : { unit: q.unit }
}

/** Every period of the range in order, empty ones included, so the table and the trend have no gaps. */
export function periodsOf(q: Pick<StatsQuery, 'unit' | 'from' | 'to'>): string[] {
  const spec = periodSpecOf(q)
  const keys = daysOf(q.from, q.to).flatMap((d) => periodKey(d, spec) ?? [])
  return [...new Set(keys)]
}

/**
 * Every period of the range with its days (clipped to the range), then the whole range as period '':
 * what the store counts repeats over (countRepeats), one figure per period.
 */
export function periodRangesOf(q: Pick<StatsQuery, 'unit' | 'from' | 'to'>): { period: string; from: Day; to: Day }[] {
  const spec = periodSpecOf(q)
  const ranges = new Map<string, { period: string; from: Day; to: Day }>()
  for (const day of daysOf(q.from, q.to)) {
    const period = periodKey(day, spec)
    if (period === null) continue
    const found = ranges.get(period)
    ranges.set(period, found ? { ...found, to: day } : { period, from: day, to: day })
  }
  return [...ranges.values(), { period: '', from: q.from, to: q.to }]
}

/** Every week (named by its Monday, as periodKey names it: "2026-02-16周") the range touches. */
export const weeksOf = (from: Day, to: Day): string[] => periodsOf({ unit: 'week', from, to })

/** A filter on a dimension the projections dropped: only the full daily cube can answer it. */
export const hasFineFilter = (q: StatsQuery): boolean => !!(q.industry || q.problemType || q.channel || q.merchantId)

/** The query's filters as equality conditions on the cube's dimensions. */
export function whereOf(q: StatsQuery, keep: readonly Dimension[] = ['site', 'merchant', 'industry', 'problemType', 'channel', 'kind']) {
  const all: Partial<Record<Dimension, string>> = {
    industry: q.industry,
    problemType: q.problemType,
    channel: q.channel,
    kind: q.kind,
    merchant: q.merchantId,
  }
  const where: Partial<Record<Dimension, string>> = {}
  for (const d of keep) {
    const value = all[d]
    if (value) where[d] = value
  }
  return where
}

export interface StatsPlan {
  /** the per-period figures and the weekly trend */
  periods: CubeId
  /** the bars by industry line, and by problem type */
  industryBars: CubeId
  problemBars: CubeId
  /** the top merchants of the range */
  merchants: CubeId
  /** the repeat shops of each period: a month cube only when every period is made of whole months */
  repeatShops: CubeId
  /** the weekday × hour heat map, over the whole months that cover the range; null under a fine filter */
  heat: CubeId | null
}

export function planOf(q: StatsQuery): StatsPlan {
  if (hasFineFilter(q)) return { periods: 'day', industryBars: 'day', problemBars: 'day', merchants: 'day', repeatShops: 'day', heat: null }
  const whole = isWholeMonths(q.from, q.to)
  const monthlyPeriods = q.unit === 'month' || q.unit === 'quarter' || q.unit === 'custom'
  return {
    periods: 'day_site',
    industryBars: whole ? 'month_industry' : 'day',
    problemBars: whole ? 'month_problem' : 'day',
    merchants: whole ? 'month_merchant' : 'day',
    repeatShops: whole && monthlyPeriods ? 'month_merchant' : 'day',
    heat: 'month_slot',
  }
}
