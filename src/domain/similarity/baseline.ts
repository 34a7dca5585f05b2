import type { BurstCase, BurstFinding } from './burst'

// The baseline jump (突发消费事件, docs/bursts-and-similar-cases.md): a shop whose complaints of one
// Beijing day reach max(minCount, factor × its daily average over the previous baselineDays days) is
// alerted, whatever the complaints are about — a 预付卡 shop about to vanish draws every kind of
// complaint at once. One alert per shop and Beijing day: the day is the window. Pure: the instant is
// passed in, the counts are the caller's.

export interface BaselineRule {
  /** never fewer complaints than this in the day, however quiet the shop was */
  minCount: number
  /** how many times the daily average the day must reach */
  factor: number
  /** the days before the day that make the average */
  baselineDays: number
}
export const DEFAULT_BASELINE_RULE: BaselineRule = { minCount: 3, factor: 3, baselineDays: 28 }

const DAY = 86_400_000
const BEIJING_OFFSET = 8 * 3_600_000 // UTC+8, no daylight saving

export const baselineBurstKey = (merchantId: string) => `baseline:${merchantId}`

export interface BaselineSpans {
  /** the Beijing day holding the instant: [from, to) */
  day: { from: string; to: string }
  /** the baselineDays days before it: [from, to) */
  before: { from: string; to: string }
}

/** The Beijing day holding `at`, and the days before it that make the average. */
export function baselineSpans(at: Date, rule: BaselineRule = DEFAULT_BASELINE_RULE): BaselineSpans {
  const dayStart = Math.floor((at.getTime() + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    day: { from: iso(dayStart), to: iso(dayStart + DAY) },
    before: { from: iso(dayStart - rule.baselineDays * DAY), to: iso(dayStart) },
  }
}

/** The count the day must reach: max(minCount, factor × average), the average over baselineDays days. */
export function baselineThreshold(countBefore: number, rule: BaselineRule = DEFAULT_BASELINE_RULE): number {
  return Math.max(rule.minCount, (rule.factor * countBefore) / rule.baselineDays)
}

/** Whether the day's complaints against the shop jump against its own baseline. */
export function isBaselineJump(countToday: number, countBefore: number, rule: BaselineRule = DEFAULT_BASELINE_RULE): boolean {
  return countToday >= baselineThreshold(countBefore, rule)
}

/**
 * The baseline alert the trigger (a complaint just checked) completes, or null: its shop's complaints of
 * the trigger's Beijing day up to it (`countToday`, the trigger included) jump against the
 * `countBefore` of the days before (baselineSpans), and the day has no alert of this key yet
 * (`lastWindowStart`: the latest alert's window start, null if none). The group is the day's
 * complaints of `shopCases` up to the trigger, oldest first.
 */
export function baselineBurst(
  trigger: BurstCase,
  shopCases: readonly BurstCase[],
  counts: { today: number; before: number },
  lastWindowStart: string | null,
  rule: BaselineRule = DEFAULT_BASELINE_RULE,
): BurstFinding | null {
  if (trigger.kind !== 'complaint') return null
  const { day } = baselineSpans(new Date(trigger.createdAt), rule)
  if (lastWindowStart !== null && Date.parse(lastWindowStart) >= Date.parse(day.from)) return null // the day has its alert
  if (!isBaselineJump(counts.today, counts.before, rule)) return null
  const from = Date.parse(day.from)
  const end = Date.parse(trigger.createdAt)
  const group = [...new Map([trigger, ...shopCases].map((c) => [c.id, c])).values()]
    .filter((c) => c.kind === 'complaint' && c.merchantId === trigger.merchantId)
    .filter((c) => Date.parse(c.createdAt) >= from && Date.parse(c.createdAt) <= end)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))
  return {
    key: baselineBurstKey(trigger.merchantId),
    basis: 'baseline',
    windowStart: day.from,
    windowEnd: day.to,
    caseIds: group.map((c) => c.id),
  }
}
