import type { HolidayTable } from '../calendar/holiday-table'
import { addDays, dayNumber, formatLocalDate, type LocalDate } from '../calendar/local-date'
import { addWorkingDays, endOfShanghaiDay, isWorkingDay, shanghaiDate } from '../calendar/working-days'
import { formatShanghaiDateTime } from '../time'
import type { CaseClock } from './case-clock'
import { DEFAULT_CLOCK_RULES, type ClockId } from './clock-rules'

// Suspension (中止, docs/domain.md "Suspension"): while a mediation waits for something outside the
// parties' hands (a party cannot be reached, an inspection report is due), the promises that depend on
// the mediation going on do not run. Those are the mediation clock (45 working days) and the
// completion clock (the case cannot be finished while its mediation waits). The station's own
// decision clocks (accept within 24 hours / 7 working days), the shop's on-site clock and the other
// promises keep running: nothing about a suspended mediation stops anyone from keeping those.
export const PAUSED_BY_SUSPENSION: readonly ClockId[] = ['mediation', 'completion']

const LIVE: readonly CaseClock['stage'][] = ['running', 'reminded', 'urged']
const STAGE_POINT = { running: 'remindAt', reminded: 'urgeAt', urged: 'dueAt' } as const

/** The words a paused clock's explanation gains while it is paused. */
export const pausedText = (pausedAt: string) => `；调解已中止，自 ${formatShanghaiDateTime(pausedAt)} 起暂停计时`

/**
 * The clocks a suspension at `at` pauses: live, not yet due (a deadline already missed stays missed),
 * not paused already. A paused clock keeps its stage and deadlines; it has nothing for the tick to check.
 */
export function pauseClocks(clocks: readonly CaseClock[], at: Date): CaseClock[] {
  return clocks
    .filter((c) => PAUSED_BY_SUSPENSION.includes(c.clockId) && LIVE.includes(c.stage) && !c.pausedAt)
    .filter((c) => Date.parse(c.dueAt) > at.getTime())
    .map((c) => ({ ...c, pausedAt: at.toISOString(), nextCheckAt: null }))
}

/** Working days after `from`'s day, up to and including `to`'s day: what a paused clock still had. */
export function workingDaysLeft(table: HolidayTable, from: LocalDate, to: LocalDate): number {
  let n = 0
  for (let d = addDays(from, 1); dayNumber(d) <= dayNumber(to); d = addDays(d, 1)) if (isWorkingDay(table, d)) n++
  return n
}

/**
 * A paused clock running again at `at`. A working-day clock keeps the working days it had left after
 * the day it paused on (that day was used) and counts them from the day it resumes, on the holiday
 * calendar — so a suspension spanning the Spring Festival gives back working days, not calendar days.
 * A minute or hour clock keeps the exact time it had left. Reminder and urging points still ahead
 * move out with the deadline; cards already sent stay sent.
 */
export function resumeClock(clock: CaseClock, at: Date, table: HolidayTable): CaseClock {
  if (!clock.pausedAt) return clock
  const pausedAt = clock.pausedAt
  const oldDue = Date.parse(clock.dueAt)
  let dueAt: string
  let provisional = clock.provisional
  let until: string
  if (DEFAULT_CLOCK_RULES[clock.clockId].unit === 'working_days') {
    const left = workingDaysLeft(table, shanghaiDate(pausedAt), shanghaiDate(new Date(oldDue - 1)))
    if (left > 0) {
      const d = addWorkingDays(table, at, left)
      dueAt = d.dueAt
      provisional = provisional || d.provisional
      until = `${d.dueDate} 24:00`
    } else {
      // paused on its last day: it gets the rest of the day it resumes on
      const day = shanghaiDate(at)
      dueAt = endOfShanghaiDay(day)
      until = `${formatLocalDate(day)} 24:00`
    }
  } else {
    dueAt = new Date(at.getTime() + (oldDue - Date.parse(pausedAt))).toISOString()
    until = formatShanghaiDateTime(dueAt)
  }
  const shift = Date.parse(dueAt) - oldDue
  const moved = (point: string) => (Date.parse(point) > Date.parse(pausedAt) ? new Date(Date.parse(point) + shift).toISOString() : point)
  const { pausedAt: _paused, ...running } = clock // a clock that is not paused has no pausedAt at all
  const next: CaseClock = {
    ...running,
    dueAt,
    remindAt: moved(clock.remindAt),
    urgeAt: moved(clock.urgeAt),
    provisional,
    explanation: `${clock.explanation}；调解中止 ${formatShanghaiDateTime(pausedAt)} 至 ${formatShanghaiDateTime(at)}，期限顺延至 ${until}`,
  }
  const stage = clock.stage
  next.nextCheckAt = stage === 'running' || stage === 'reminded' || stage === 'urged' ? next[STAGE_POINT[stage]] : null
  return next
}

/** Every paused clock of the case, running again. */
export const resumeClocks = (clocks: readonly CaseClock[], at: Date, table: HolidayTable): CaseClock[] =>
  clocks.filter((c) => c.pausedAt && c.stage !== 'stopped').map((c) => resumeClock(c, at, table))
