import type { Case } from '../case.schema'
import { fail, ok, type Result } from '../errors'
import type { IndustryLine } from '../industry'
import type { EventDetails } from './event-details'
import type { ActorRole } from './transitions'

// The industry line (所属行业) routes and counts a case (十大投诉举报行业). The shopper no longer picks
// it: filing derives it (extract/derive-industry.ts), and staff correct it. It is not a step of the
// case's life — the status, clocks and counters stay — so it lives beside the state machine, not in it.

/** Who may correct the line: the station (its own site's cases, checked by the caller) and the regulator. */
export const INDUSTRY_EDITORS: readonly ActorRole[] = ['station', 'regulator']

/**
 * May `role` set this case's line to `to`? The answer is the details the event records (from, to).
 * Any status: a closed case's line still counts in the statistics, so it may still be corrected.
 */
export function decideIndustryChange(c: Pick<Case, 'industry'>, role: ActorRole, to: IndustryLine): Result<EventDetails> {
  if (!INDUSTRY_EDITORS.includes(role)) return fail('FORBIDDEN')
  if (c.industry === to) return fail('VALIDATION_FAILED', { industry: `所属行业已经是「${to}」` })
  return ok({ kind: 'industry', from: c.industry, to })
}
