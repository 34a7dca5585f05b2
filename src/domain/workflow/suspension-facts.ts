import type { CaseClock } from '../clocks/case-clock'
import type { CaseFacts } from './state-machine'
import { isSuspended } from './suspension'

/**
 * What a case's timeline and clocks say for the steps tied to them: which clocks run now (已答复投诉人
 * and 已告知案件编号 are offered while theirs runs) and whether the mediation is suspended. Read, never stored.
 */
export const clockFacts = (
  events: readonly { type: string; at: string }[],
  clocks: readonly Pick<CaseClock, 'clockId' | 'stage'>[],
): Pick<CaseFacts, 'runningClocks' | 'suspended'> => ({
  runningClocks: clocks.filter((c) => c.stage !== 'stopped').map((c) => c.clockId),
  suspended: isSuspended(events),
})
