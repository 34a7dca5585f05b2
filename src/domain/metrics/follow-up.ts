import type { CaseFacts } from './case-facts'
import { rateOf, type Rate } from './rate'

// 回访完成率 (returnVisits): every closure owes a return visit within 5 working days (clock return_visit,
// started by `closed`, kept by `return_visited`).
//   numerator   = closures whose return visit was done (on time or late: the visit happened)
//   denominator = closures whose return visit was done, or is past its due time without one
// A closure whose visit is not yet due is in neither part. A reopened case is judged on its latest
// closure (the clock row keeps one round). Seeds: at least 98 %.
export interface FollowUpCounters {
  visitsDone: number
  visitsDue: number
}

export interface FollowUpMetrics {
  returnVisits: Rate
}

export function countFollowUp(f: CaseFacts): FollowUpCounters {
  const r = f.clocks.return_visit
  const done = r === 'met' || r === 'late'
  return { visitsDone: done ? 1 : 0, visitsDue: done || r === 'missed' ? 1 : 0 }
}

export const readFollowUp = (c: FollowUpCounters): FollowUpMetrics => ({ returnVisits: rateOf(c.visitsDone, c.visitsDue) })
