// Calendar dates ('YYYY-MM-DD') with plain integer arithmetic — no time zone, no clock.
export interface LocalDate {
  year: number
  month: number
  day: number
}

const pad = (n: number) => String(n).padStart(2, '0')

export function formatLocalDate(d: LocalDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`
}

export function parseLocalDate(text: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) throw new RangeError(`not a date: ${text}`)
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/** Days since 1970-01-01 (UTC arithmetic on the calendar date, which has no zone). */
export function dayNumber(d: LocalDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000)
}

export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * 86_400_000)
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(d) + days)
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(d: LocalDate): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}
