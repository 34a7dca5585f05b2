import type { Case, CaseEvent } from '../case.schema'
import type { CaseClock } from '../clocks/case-clock'
import { ruleFor } from '../clocks/clock-rules'
import { EVENT_LABELS, STATUS_LABELS } from '../labels'
import { clockResult } from '../metrics/clock-result'
import { COUNTED_CLOCKS } from '../metrics/case-facts'
import { dayOf } from '../metrics/period'
import { formatShanghaiDateTime } from '../time'
import { eventWords } from '../workflow/event-wording'
import type { OverdueCase, VisitProblem } from './monthly-report'

// What the month's 工作动态 lists beside its figures, read from the clocks and the timelines:
//  - overdue cases: a counted promise (metrics/case-facts.ts COUNTED_CLOCKS) whose due time fell in the month
//    and that was missed or kept late as of the end of the month (or now, for the running month); the
//    reason is where the case stood at the due time — its last step before it — plus the pause or
//    escalation the timeline shows;
//  - return-visit problems: visits made in the month where the shopper did not know the result, the shop
//    did not keep its promise, the shopper was not satisfied, or something is still unresolved.

export interface CaseTimeline {
  case: Case
  events: readonly CaseEvent[]
  clocks: readonly CaseClock[]
}

const inMonth = (instant: string, from: string, to: string) => {
  const day = dayOf(instant)
  return day >= from && day <= to
}

function reasonAt(t: CaseTimeline, dueAt: string): string {
  const before = t.events.filter((e) => e.at <= dueAt).sort((a, b) => a.seq - b.seq)
  const last = before[before.length - 1]
  const parts = [
    last
      ? `期限届满时停在「${eventWords({ type: last.type, actorRole: last.actor.role, details: last.details }, t.case.kind)}」`
      : `期限届满时${STATUS_LABELS.received}`,
  ]
  if (before.some((e) => e.type === 'escalated')) parts.push(EVENT_LABELS.escalated)
  const suspended =
    before.filter((e) => e.type === 'mediation_suspended').length > before.filter((e) => e.type === 'mediation_resumed').length
  if (suspended) parts.push('调解中止中')
  if (before.some((e) => e.type === 'extended')) parts.push('已延期一次')
  return parts.join('；')
}

export function overdueCasesOf(timelines: readonly CaseTimeline[], from: string, to: string, asOf: Date): OverdueCase[] {
  const found: (OverdueCase & { due: string })[] = []
  for (const t of timelines) {
    for (const clockId of COUNTED_CLOCKS) {
      const clock = t.clocks.find((k) => k.clockId === clockId)
      if (!clock || !inMonth(clock.dueAt, from, to)) continue
      const result = clockResult(clockId, t.clocks, t.events, asOf)
      if (result !== 'missed' && result !== 'late') continue
      found.push({
        due: clock.dueAt,
        caseNo: t.case.caseNo,
        merchantName: t.case.merchantName,
        promise: ruleFor(clockId).label,
        dueAt: formatShanghaiDateTime(clock.dueAt),
        result: result === 'late' ? '逾期办结' : '逾期未办',
        reason: reasonAt(t, clock.dueAt),
      })
    }
  }
  return found.sort((a, b) => a.due.localeCompare(b.due) || a.caseNo.localeCompare(b.caseNo)).map(({ due: _due, ...o }) => o)
}

export function visitProblemsOf(timelines: readonly CaseTimeline[], from: string, to: string): VisitProblem[] {
  const found: (VisitProblem & { at: string })[] = []
  for (const t of timelines) {
    for (const e of t.events) {
      if (e.type !== 'return_visited' || e.details?.kind !== 'return_visit' || !inMonth(e.at, from, to)) continue
      const d = e.details
      const problems = [
        d.knowsResult ? '' : '投诉人不知道处理结果',
        d.promiseKept ? '' : '商家未履行承诺',
        d.satisfied ? '' : '投诉人不满意',
        d.unresolved ? `仍未解决：${d.unresolved}` : '',
        d.improve ? `建议：${d.improve}` : '',
      ].filter(Boolean)
      if (!d.knowsResult || !d.promiseKept || !d.satisfied || d.unresolved) {
        found.push({
          at: e.at,
          caseNo: t.case.caseNo,
          merchantName: t.case.merchantName,
          visitedAt: formatShanghaiDateTime(e.at),
          problems: problems.join('；'),
        })
      }
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at)).map(({ at: _at, ...v }) => v)
}
