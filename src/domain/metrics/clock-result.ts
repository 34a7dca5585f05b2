import type { CaseEvent, EventType } from '../case.schema'
import type { CaseClock } from '../clocks/case-clock'
import type { ClockId } from '../clocks/clock-rules'

// How a promise on the clock turned out, read from the case's clock row (its deadline as the engine set
// it: the site's numbers, the holiday calendar, an extension, a suspension) and the event that stopped it.
//   met     — stopped by an event that keeps the promise, at or before the due time
//   late    — kept, but after the due time
//   missed  — due time passed and nothing kept it (still open at `asOf`, or stopped late by something else)
//   moot    — stopped before its due time by something that makes the promise pointless
//             (the shopper withdrew, the case was transferred away, the station stepped in first)
//   pending — still running (or paused) and not yet due at `asOf`
//   none    — this case never started the clock (a report has no shop clock; no one asked for on-site)
// Rates count met against met + late + missed: a moot or pending clock is in neither part.
export type ClockResult = 'met' | 'late' | 'missed' | 'moot' | 'pending' | 'none'

/** The events that keep each counted promise (the other stop events of clock-rules.ts make it moot). */
export const KEEPS: Partial<Record<ClockId, readonly EventType[]>> = {
  first_answer: ['accepted', 'rejected', 'transferred'], // 24 小时内告知是否受理: any decision answers it
  initial_review: ['accepted', 'rejected', 'transferred', 'station_mediation'], // 1 小时初查: the first decision
  accept_decision: ['accepted', 'rejected', 'transferred'],
  merchant_response: ['answered'], // 45 分钟: only the shop's own answer; an escalation is the clock running out
  on_site: ['checked_in'], // 90 分钟到场
  completion: ['closed'], // 按期办结
  mediation: ['mediated', 'mediation_ended'], // 45 个工作日 内调解终结
  return_visit: ['return_visited'],
}

export function clockResult(clockId: ClockId, clocks: readonly CaseClock[], events: readonly CaseEvent[], asOf: Date): ClockResult {
  const clock = clocks.find((c) => c.clockId === clockId)
  if (!clock) return 'none'
  const due = Date.parse(clock.dueAt)
  if (clock.stage !== 'stopped' || clock.stoppedAt === null) {
    if (clock.stage === 'overdue') return 'missed'
    if (clock.pausedAt) return 'pending' // a clock is paused only before its due time (clock-pause.ts)
    return asOf.getTime() >= due ? 'missed' : 'pending'
  }
  const stopped = Date.parse(clock.stoppedAt)
  const keeps = KEEPS[clockId] ?? []
  const kept = events.some((e) => Date.parse(e.at) === stopped && keeps.includes(e.type))
  if (kept) return stopped <= due ? 'met' : 'late'
  // stopped by something else at or after the due time: the promise had already run out (the tick's escalation)
  return stopped < due ? 'moot' : 'missed'
}

/** Is a result counted at all, and is it on time? */
export const decided = (r: ClockResult): boolean => r === 'met' || r === 'late' || r === 'missed'
export const onTime = (r: ClockResult): boolean => r === 'met'
