import { shanghaiParts } from '../time'
import type { HolidayTable } from './holiday-table'
import { addDays, formatLocalDate, weekday, type LocalDate } from './local-date'

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday'

export function dayKind(table: HolidayTable, date: LocalDate): DayKind {
  const key = formatLocalDate(date)
  if (table.makeupWorkdays[key]) return 'makeup-workday'
  if (table.holidays[key]) return 'holiday'
  const wd = weekday(date)
  return wd === 0 || wd === 6 ? 'weekend' : 'workday'
}

export const isWorkingDay = (table: HolidayTable, date: LocalDate) => {
  const kind = dayKind(table, date)
  return kind === 'workday' || kind === 'makeup-workday'
}

export interface SkippedDay {
  date: string
  reason: 'weekend' | 'holiday'
  name?: string
}

/** How a working-day deadline was computed — shown to people, stored with the deadline. */
export interface WorkingDayDeadline {
  /** the local date the count starts from (the day of the start event; not itself counted) */
  startDate: string
  workingDays: number
  /** the last working day: the deadline is the end of this day, Beijing time */
  dueDate: string
  /** end of dueDate in Beijing time, as a UTC instant */
  dueAt: string
  skipped: SkippedDay[]
  /** true when any counted day falls in a year whose official calendar is not published yet */
  provisional: boolean
  unpublishedYears: number[]
}

const END_OF_DAY_OFFSET_MS = (24 - 8) * 3600_000 // 24:00 in Beijing = 16:00 UTC the same date

/** The Beijing calendar day `instant` falls on. */
export function shanghaiDate(instant: Date | string): LocalDate {
  const p = shanghaiParts(instant)
  return { year: p.year, month: p.month, day: p.day }
}

/** 24:00 Beijing at the end of `date`, as a UTC instant: when a deadline on that day runs out. */
export const endOfShanghaiDay = (date: LocalDate): string =>
  new Date(Date.UTC(date.year, date.month - 1, date.day) + END_OF_DAY_OFFSET_MS).toISOString()

/**
 * "Within N working days of receipt": count N working days after the day of `start` (Beijing
 * time), skipping weekends and holidays and counting make-up weekends. A year outside the
 * published calendar is counted with plain weekends and flagged provisional.
 */
export function addWorkingDays(table: HolidayTable, start: Date | string, workingDays: number): WorkingDayDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer')
  const startDate = shanghaiDate(start)
  const skipped: SkippedDay[] = []
  const unpublished = new Set<number>()
  let date = startDate
  let counted = 0
  while (counted < workingDays) {
    date = addDays(date, 1)
    if (!table.publishedYears.includes(date.year)) unpublished.add(date.year)
    const kind = dayKind(table, date)
    if (kind === 'workday' || kind === 'makeup-workday') counted++
    else
      skipped.push({
        date: formatLocalDate(date),
        reason: kind,
        ...(kind === 'holiday' ? { name: table.holidays[formatLocalDate(date)] } : {}),
      })
  }
  const dueDate = formatLocalDate(date)
  return {
    startDate: formatLocalDate(startDate),
    workingDays,
    dueDate,
    dueAt: endOfShanghaiDay(date),
    skipped,
    provisional: unpublished.size > 0,
    unpublishedYears: [...unpublished].sort((a, b) => a - b),
  }
}
