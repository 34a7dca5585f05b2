import type { HolidayTable } from '../calendar/holiday-table'
import { addWorkingDays } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import type { CaseClock } from './case-clock'
import { DEFAULT_CLOCK_RULES } from './clock-rules'

export interface ExtendedClock {
  clock: CaseClock
  workingDays: number
  previousDueAt: string
}

const STAGE_POINT = { running: 'remindAt', reminded: 'urgeAt', urged: 'dueAt' } as const

/**
 * A complex case's completion deadline moves out by `workingDays`, counted from the old due date
 * (so the extension says "15 more working days", not "15 from today"). Only a running clock that
 * is not yet overdue may move: an extension must never erase a red card already earned. The
 * reminder and urging points are spread over the longer span; cards already sent stay sent.
 */
export function extendClock(clock: CaseClock, workingDays: number, table: HolidayTable, now: Date): Result<ExtendedClock> {
  if (clock.stage === 'stopped' || clock.stage === 'overdue' || Date.parse(clock.dueAt) <= now.getTime())
    return fail('EXTENSION_NOT_ALLOWED')
  const rule = DEFAULT_CLOCK_RULES[clock.clockId]
  // the old deadline is 24:00 of its day: count from that day, which is itself not counted again
  const d = addWorkingDays(table, new Date(Date.parse(clock.dueAt) - 1), workingDays)
  const start = Date.parse(clock.startedAt)
  const span = Date.parse(d.dueAt) - start
  const at = (fraction: number) => new Date(start + Math.round(span * fraction)).toISOString()
  const provisionalText = d.provisional ? `；${d.unpublishedYears.join('、')}年节假日安排尚未公布，期限为暂定` : ''
  const next: CaseClock = {
    ...clock,
    dueAt: d.dueAt,
    remindAt: at(rule.remindAt),
    urgeAt: at(rule.urgeAt),
    explanation: `${clock.explanation}；延期 ${workingDays} 个工作日，至 ${d.dueDate} 24:00（跳过 ${d.skipped.length} 天）${provisionalText}`,
    provisional: clock.provisional || d.provisional,
  }
  next.nextCheckAt = next[STAGE_POINT[clock.stage]]
  return ok({ clock: next, workingDays, previousDueAt: clock.dueAt })
}
