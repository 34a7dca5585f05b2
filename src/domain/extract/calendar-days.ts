// Calendar arithmetic on Shanghai-local days. Pure: the current instant always comes in.
import { shanghaiParts } from '../time'

export interface Day {
  year: number
  month: number
  day: number
}

const pad = (n: number) => String(n).padStart(2, '0')

export function toDay(instant: Date): Day {
  const p = shanghaiParts(instant)
  return { year: p.year, month: p.month, day: p.day }
}

export function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(d: Day): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
  return w === 0 ? 7 : w
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isValidDay(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/** The month before (year, month). */
export function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 }
}

export function formatDay(d: Day): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`
}

export function formatDayTime(d: Day, hour: number, minute: number): string {
  return `${formatDay(d)}T${pad(hour)}:${pad(minute)}`
}
