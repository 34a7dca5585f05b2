import { shanghaiParts } from '../time'

// Periods are Beijing calendar days (Asia/Shanghai, UTC+8, no daylight saving: see time.ts). A day is
// "YYYY-MM-DD"; every longer period is a set of whole days, so a rollup kept per day answers all of them.
// Nothing here reads the clock: the instant or the day always comes in.
export type Day = string

export type PeriodSpec =
  | { unit: 'day' | 'week' | 'month' | 'quarter' }
  /** one bucket from `from` to `to`, both days included (e.g. 2026 Q1–Q2, or a festival week) */
  | { unit: 'custom'; from: Day; to: Day }

const pad = (n: number) => String(n).padStart(2, '0')
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The Beijing calendar day an instant falls on. */
export function dayOf(instant: string | Date): Day {
  const p = shanghaiParts(instant)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

function parts(day: Day): { y: number; m: number; d: number } | null {
  const match = DAY.exec(day)
  return match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null
}

/** Weeks run Monday to Sunday (the working week of the holiday calendar); a week is named by its Monday. */
export function mondayOf(day: Day): Day | null {
  const p = parts(day)
  if (!p) return null
  const { y, m, d } = p
  const t = Date.UTC(y, m - 1, d)
  const weekday = (new Date(t).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const monday = new Date(t - weekday * 86_400_000)
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`
}

/**
 * The period a day belongs to, as a key that sorts in time order: "2026-02-17", "2026-02-16周"
 * (the Monday), "2026-02", "2026-Q1", "2026-01-01~2026-06-30"; null when a custom period leaves the day out
 * (or the day is not "YYYY-MM-DD").
 */
export function periodKey(day: Day, spec: PeriodSpec): string | null {
  const p = parts(day)
  if (!p) return null
  const { y, m } = p
  switch (spec.unit) {
    case 'day':
      return day
    case 'week':
      return `${mondayOf(day)}周`
    case 'month':
      return `${y}-${pad(m)}`
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
    case 'custom':
      return day >= spec.from && day <= spec.to ? `${spec.from}~${spec.to}` : null
  }
}

/**
 * The hour of the week an instant falls in, Beijing time: "1-09" is Monday 09:00–09:59, "7-23" Sunday's
 * last hour. The weekday × hour heat map counts cases by it (the busy hours a station staffs for).
 */
export function slotOf(instant: string | Date): string {
  const p = shanghaiParts(instant)
  const weekday = ((new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7) + 1
  return `${weekday}-${pad(p.hour)}`
}
