import type { ClockView } from '../case-view.schema'
import { formatShanghaiMonthDay, shanghaiParts } from '../time'
import { pausedText } from './clock-pause'
import type { CaseClock } from './case-clock'
import { cardColour } from './clock-deadline'
import { DEFAULT_CLOCK_RULES, type ClockId } from './clock-rules'

/** A clock as people see it: its colour by time, or by the card already sent if that is later. */
export function clockView(
  c: Pick<CaseClock, 'clockId' | 'dueAt' | 'urgeAt' | 'explanation' | 'provisional' | 'stage' | 'pausedAt'>,
  now: Date,
): ClockView {
  // a paused clock keeps the colour it had when it paused: time spent suspended is not late
  const byTime = cardColour(c, c.pausedAt ? new Date(c.pausedAt) : now)
  // a card the tick already sent stays at least that colour, even if clocks disagree by a second
  const colour = c.stage === 'overdue' ? 'red' : c.stage === 'urged' && byTime === 'green' ? 'yellow' : byTime
  return {
    clockId: c.clockId,
    label: DEFAULT_CLOCK_RULES[c.clockId].label,
    dueAt: c.dueAt,
    explanation: c.pausedAt ? `${c.explanation}${pausedText(c.pausedAt)}` : c.explanation,
    provisional: c.provisional,
    stage: c.stage,
    colour,
    ...(c.pausedAt ? { paused: true } : {}),
  }
}

export const runningClocks = (clocks: readonly CaseClock[]) => clocks.filter((c) => c.stage !== 'stopped')

/** The soonest running clock that is not paused: what a board sorts by. */
export function soonest(clocks: readonly CaseClock[]): CaseClock | null {
  return runningClocks(clocks)
    .filter((c) => !c.pausedAt)
    .reduce<CaseClock | null>((best, c) => (!best || c.dueAt < best.dueAt ? c : best), null)
}

// What each promise means to the person who complained, in their words.
const PROMISE_TO_CONSUMER: Partial<Record<ClockId, string>> = {
  first_answer: '告知是否受理',
  accept_decision: '决定是否受理',
  merchant_response: '商家答复',
  on_site: '商家到场',
  completion: '办结',
  mediation: '结束调解',
}

/** "预计 3月19日 前决定是否受理" / "预计 14:45 前商家答复" — the consumer's next expected date. */
export function nextStepForConsumer(clocks: readonly CaseClock[]): string | null {
  const relevant = runningClocks(clocks).filter((c) => PROMISE_TO_CONSUMER[c.clockId])
  const next = soonest(relevant)
  if (!next) return null
  // a working-day deadline is the END of its day (24:00), so show that day, not the next
  const lastMoment = new Date(Date.parse(next.dueAt) - 1)
  const p = shanghaiParts(lastMoment)
  const when =
    DEFAULT_CLOCK_RULES[next.clockId].unit === 'minutes'
      ? `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
      : formatShanghaiMonthDay(lastMoment)
  return `预计 ${when} 前${PROMISE_TO_CONSUMER[next.clockId]}${next.provisional ? '（暂定）' : ''}`
}
