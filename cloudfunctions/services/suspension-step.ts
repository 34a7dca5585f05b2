import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { pauseClocks, resumeClocks } from '../../src/domain/clocks/clock-pause'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { CaseEvent } from '../../src/domain/case.schema'
import type { ClientDetails, EventDetails } from '../../src/domain/workflow/event-details'
import { suspensionInForce, suspensionOf } from '../../src/domain/workflow/suspension'
import type { Deps } from './context'

/** What a suspension or a resumption writes besides its event: its details and the clocks it pauses or moves. */
export interface HoldStep {
  details: EventDetails
  moved: CaseClock[]
}

/**
 * 中止 / 恢复调解 (src/domain/workflow/suspension.ts): a suspension pauses the mediation and completion
 * clocks; a resumption runs them again with the time they had left, on the holiday calendar, and
 * records since when the mediation was on hold. null for every other step.
 */
export function holdStep(
  deps: Pick<Deps, 'calendar' | 'clock'>,
  step: { action: string; reason: string; details?: ClientDetails | null },
  events: readonly CaseEvent[],
  clocks: readonly CaseClock[],
): Result<HoldStep> | null {
  const now = deps.clock.now()
  if (step.action === 'suspend') {
    const details = suspensionOf(step.details?.kind === 'suspension' ? step.details : null, step.reason)
    if (!details.ok) return details
    return ok({ details: details.data, moved: pauseClocks(clocks, now) })
  }
  if (step.action === 'resume') {
    const held = suspensionInForce(events)
    if (!held) return fail('ILLEGAL_TRANSITION')
    return ok({ details: { kind: 'resumption', suspendedAt: held.at }, moved: resumeClocks(clocks, now, deps.calendar) })
  }
  return null
}
