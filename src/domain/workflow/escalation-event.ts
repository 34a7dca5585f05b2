import type { CaseClock } from '../clocks/case-clock'
import type { ActorRole } from './transitions'

/**
 * One action (escalate) has two causes, and the timeline must say which (issue 16.4): the shop's
 * response clock ran out — the system escalates, or staff act on a clock already past its due — or
 * the station chose to step in while the shop still had time. They are different events with
 * different words (labels.ts), so a shop that checked in a minute earlier is never called silent.
 */
export function escalationEvent(
  role: ActorRole,
  responseClock: Pick<CaseClock, 'dueAt' | 'stoppedAt'> | undefined,
  at: Date,
): 'escalated' | 'station_mediation' {
  if (role === 'system') return 'escalated'
  const ranOut = !!responseClock && responseClock.stoppedAt === null && Date.parse(responseClock.dueAt) <= at.getTime()
  return ranOut ? 'escalated' : 'station_mediation'
}
