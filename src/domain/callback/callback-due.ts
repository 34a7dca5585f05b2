import type { HolidayTable } from '../calendar/holiday-table'
import { addDays, formatLocalDate, type LocalDate } from '../calendar/local-date'
import { dayKind, isWorkingDay } from '../calendar/working-days'
import type { CaseClock } from '../clocks/case-clock'
import { ruleFor } from '../clocks/clock-rules'
import { shanghaiParts } from '../time'

// When the monthly call-backs are due (docs/callbacks.md "Due by the 10th"). The draw happens on the
// 1st (Beijing time) and the call-backs are due by the end of the 10th. When the 10th is not a working
// day (a weekend that is not a make-up working day, or a public holiday per the State Council
// calendar), the due day moves to the next working day — the usual rule for a deadline ending on a
// day off (期间届满的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日) — because the
// calls are made by staff at work. A make-up working Saturday that is the 10th stays.

const DUE_DAY = 10
const END_OF_DAY_OFFSET_MS = (24 - 8) * 3600_000 // 24:00 Beijing = 16:00 UTC the same date
const KIND_TEXT = { weekend: '周末', holiday: '节假日' } as const

export interface MonthRef {
  year: number
  month: number
}

export const monthKey = (m: MonthRef): string => `${m.year}-${String(m.month).padStart(2, '0')}`

export function parseMonthKey(key: string): MonthRef {
  const [year, month] = key.split('-').map(Number)
  return { year, month }
}

/** The Beijing month an instant falls in, and the one before it. */
export const monthOf = (instant: Date | string): MonthRef => {
  const p = shanghaiParts(instant)
  return { year: p.year, month: p.month }
}
export const previousMonth = (m: MonthRef): MonthRef =>
  m.month === 1 ? { year: m.year - 1, month: 12 } : { year: m.year, month: m.month - 1 }
export const nextMonth = (m: MonthRef): MonthRef => (m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 })

/** [from, to) of a Beijing month as UTC instants: what "closed last month" means. */
export function monthRange(m: MonthRef): { from: string; to: string } {
  const start = (r: MonthRef) => new Date(Date.UTC(r.year, r.month - 1, 1) - 8 * 3600_000).toISOString()
  return { from: start(m), to: start(nextMonth(m)) }
}

export interface CallbackDue {
  dueDate: string
  /** end of dueDate in Beijing time */
  dueAt: string
  /** the 10th was a day off and the due day moved */
  moved: boolean
  explanation: string
  /** the year's official calendar is not published: weekends only, the date may still change */
  provisional: boolean
}

/** The due day of the call-backs drawn in `drawMonth` (the month after the one sampled). */
export function callbackDue(drawMonth: MonthRef, table: HolidayTable): CallbackDue {
  const tenth: LocalDate = { year: drawMonth.year, month: drawMonth.month, day: DUE_DAY }
  let due = tenth
  while (!isWorkingDay(table, due)) due = addDays(due, 1)
  const moved = due.day !== tenth.day
  const dueDate = formatLocalDate(due)
  const provisional = !table.publishedYears.includes(tenth.year)
  const kind = dayKind(table, tenth)
  const why = kind === 'holiday' ? `${table.holidays[formatLocalDate(tenth)]}假期` : kind in KIND_TEXT ? KIND_TEXT[kind as 'weekend'] : ''
  const explanation =
    (moved ? `${drawMonth.month}月10日为${why}，顺延至 ${dueDate} 24:00` : `每月10日前完成上月抽查回访，至 ${dueDate} 24:00`) +
    (provisional ? `；${tenth.year}年节假日安排尚未公布，期限为暂定` : '')
  return {
    dueDate,
    dueAt: new Date(Date.UTC(due.year, due.month - 1, due.day) + END_OF_DAY_OFFSET_MS).toISOString(),
    moved,
    explanation,
    provisional,
  }
}

/** The `callback_sample` clock of one sampled case: it runs from the draw to the due day, with the usual cards. */
export function callbackClock(caseId: string, drawnAt: string, due: CallbackDue): CaseClock {
  const rule = ruleFor('callback_sample')
  const start = Date.parse(drawnAt)
  const span = Date.parse(due.dueAt) - start
  const at = (fraction: number) => new Date(start + Math.round(span * fraction)).toISOString()
  return {
    caseId,
    clockId: 'callback_sample',
    startedAt: new Date(start).toISOString(),
    dueAt: due.dueAt,
    remindAt: at(rule.remindAt),
    urgeAt: at(rule.urgeAt),
    explanation: due.explanation,
    provisional: due.provisional,
    stage: 'running',
    nextCheckAt: at(rule.remindAt),
    stoppedAt: null,
  }
}
