import { clocksAfterEvent, type CaseClock, type ClockContext } from '../clocks/case-clock'
import { CLOCK_IDS, DEFAULT_CLOCK_RULES, type ClockId } from '../clocks/clock-rules'
import { DESTINATION_CLOCK, type TransferDetails } from './transfer'

// The clocks of a transfer (transfer.ts, docs/domain.md "Transfers"). The rule table says which
// events start and stop each clock; what it cannot say is "only for this destination" and "a case
// that arrives at another site is that site's to decide afresh". Both are here.

const DESTINATION_CLOCKS = new Set<ClockId>(Object.values(DESTINATION_CLOCK).filter((id): id is ClockId => id !== null))

/**
 * The station's decision clocks (answer within 24 hours, decide within 7 working days, send back
 * within 20 hours, and any other that the filing starts and a transfer stops): derived from the rule
 * table, so a rule added later follows a case that moves.
 */
export const DECISION_CLOCKS: readonly ClockId[] = CLOCK_IDS.filter(
  (id) => DEFAULT_CLOCK_RULES[id].startOn.includes('submitted') && DEFAULT_CLOCK_RULES[id].stopOn.includes('transferred'),
)

/** Every destination clock starts on `transferred`; a transfer keeps only its own destination's. */
export function keepDestinationClock(started: readonly CaseClock[], details: TransferDetails | null): CaseClock[] {
  const mine = details ? DESTINATION_CLOCK[details.destination] : null
  return started.filter((k) => !DESTINATION_CLOCKS.has(k.clockId) || k.stage === 'stopped' || k.clockId === mine)
}

/** One entry per clock, the later winning: a clock stopped by the step and restarted by the move is the restarted one. */
const lastPerClock = (clocks: readonly CaseClock[]): CaseClock[] => [...new Map(clocks.map((k) => [k.clockId, k])).values()]

/**
 * A case arriving at another site of the system is that site's to decide: the decision clocks the
 * transfer stopped start again from the arrival, on the receiving site's numbers.
 */
export function clocksOnArrival(caseId: string, afterStep: readonly CaseClock[], at: Date, receiving: ClockContext): CaseClock[] {
  const restarted = clocksAfterEvent(caseId, [], 'submitted', at, receiving).filter((k) => DECISION_CLOCKS.includes(k.clockId))
  return lastPerClock([...afterStep, ...restarted])
}

/** A site that sends a case back has decided it is not theirs: its decision clocks stop with the 退回. */
export function clocksOnSendBack(existing: readonly CaseClock[], afterStep: readonly CaseClock[], at: Date): CaseClock[] {
  const stopped = existing
    .filter((k) => DECISION_CLOCKS.includes(k.clockId) && k.stage !== 'stopped')
    .map((k) => ({ ...k, stage: 'stopped' as const, stoppedAt: at.toISOString(), nextCheckAt: null }))
  return lastPerClock([...stopped, ...afterStep])
}
