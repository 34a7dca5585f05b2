import type { PeriodSpec } from './period'
import { periodKey } from './period'

// What the figures can be split by (issue 18.1). Each is a plain value of the case row, so a daily
// rollup keyed by all of them at once can be re-added into any coarser split. `kind` takes whatever
// kinds the case table holds (CASE_KINDS): consultations live in their own records and are not here.
export const DIMENSIONS = ['site', 'merchant', 'industry', 'problemType', 'channel', 'kind'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export type DimensionValues = Readonly<Record<Dimension, string>>

export interface Grouping {
  /** split by period; absent: the whole span as one */
  period?: PeriodSpec
  /** keep only days in [from, to] (Beijing days, both included) */
  range?: { from: string; to: string }
  /** split by these dimensions, in this order; [] is one group per period */
  by: readonly Dimension[]
}

/** The group one day's figures fall into: its period and the chosen dimensions (absent keys are not split). */
export interface GroupKey {
  period?: string
  site?: string
  merchant?: string
  industry?: string
  problemType?: string
  channel?: string
  kind?: string
}

/** Where a (day, dimension values) pair goes under a grouping; null when the grouping leaves it out. */
export function groupKeyOf(day: string, values: DimensionValues, grouping: Grouping): GroupKey | null {
  if (grouping.range && (day < grouping.range.from || day > grouping.range.to)) return null
  const key: GroupKey = {}
  if (grouping.period) {
    const period = periodKey(day, grouping.period)
    if (period === null) return null
    key.period = period
  }
  for (const d of grouping.by) key[d] = values[d]
  return key
}

/** A stable string for a group key: groups are collected and sorted by it. */
export const groupKeyText = (key: GroupKey): string => [key.period ?? '', ...DIMENSIONS.map((d) => key[d] ?? '')].join('\u241f')
