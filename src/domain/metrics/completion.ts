import { decided, type ClockResult } from './clock-result'
import type { CaseFacts } from './case-facts'
import { clockCounts } from './response'
import { rateOf, type Rate } from './rate'

// Finishing on time (docs/domain.md "The clocks", working days on the holiday calendar).
//
// - 按期办结率 (completionOnTime), clock completion (goods 5 / services 7 / ordinary 7 / complex 15
//   working days from acceptance, extended once): numerator = closed by the due time; denominator =
//   closed on time + closed late + still open past the due time. A withdrawal before the due time is
//   moot. A reopened case starts the clock again and is judged on its latest round (the clock row keeps
//   one round). Seeds: completion 100 %.
// - 超期率 (overdue): numerator = cases that missed (or kept late) any of the station's statutory
//   deadlines — 24-hour answer, 7-working-day decision, completion, 45-working-day mediation;
//   denominator = cases where at least one of these was decided. The shop's minute promises are
//   counted by their own rates, not here. Seeds: monthly overdue rate under 1 %.
// - 延期率 (extension): numerator = accepted cases whose completion was extended (an `extended` event);
//   denominator = accepted cases. Seeds: at most 5 %.
export interface CompletionCounters {
  completionMet: number
  completionDue: number
  overdueCases: number
  overdueBase: number
  extendedCases: number
  acceptedCases: number
}

export interface CompletionMetrics {
  completionOnTime: Rate
  overdue: Rate
  extension: Rate
}

const STATUTORY = ['first_answer', 'accept_decision', 'completion', 'mediation'] as const
const late = (r: ClockResult) => r === 'late' || r === 'missed'

export function countCompletion(f: CaseFacts): CompletionCounters {
  const [completionMet, completionDue] = clockCounts(f.clocks.completion)
  const results = STATUTORY.map((id) => f.clocks[id])
  return {
    completionMet,
    completionDue,
    overdueCases: results.some(late) ? 1 : 0,
    overdueBase: results.some(decided) ? 1 : 0,
    extendedCases: f.accepted && f.extended ? 1 : 0,
    acceptedCases: f.accepted ? 1 : 0,
  }
}

export const readCompletion = (c: CompletionCounters): CompletionMetrics => ({
  completionOnTime: rateOf(c.completionMet, c.completionDue),
  overdue: rateOf(c.overdueCases, c.overdueBase),
  extension: rateOf(c.extendedCases, c.acceptedCases),
})
