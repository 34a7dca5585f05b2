import { advanceClock } from '../../src/domain/clocks/case-clock'
import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import { audienceFor, recipientId } from './case-notifications'
import type { Deps } from './context'

export interface TickReport {
  examined: number
  advanced: number
  alerts: number
}

const BATCH = 200

/**
 * One pass of the clocks: every clock whose next check has come is moved on, and its reminder,
 * urging notice, or red card is queued for the people in its escalation chain — each exactly once.
 * Running it twice at the same instant finds nothing the second time. Its work is bounded by the
 * clocks that are due (an index on next_check_at), not by the number of open cases.
 */
export async function tick(deps: Deps, now: Date): Promise<TickReport> {
  const report: TickReport = { examined: 0, advanced: 0, alerts: 0 }
  // a case's clocks often come due together (urge + red after downtime): read each case once
  const cases = new Map<string, Promise<Case | null>>()
  const caseOf = (id: string) => {
    let pending = cases.get(id)
    if (!pending) cases.set(id, (pending = deps.store.getCase(id)))
    return pending
  }
  for (;;) {
    const due = await deps.store.findClocksDueBefore(now.toISOString(), BATCH)
    if (due.length === 0) return report
    let progressed = 0
    for (const clock of due) {
      report.examined++
      const { next, alerts } = advanceClock(clock, now)
      const c = await caseOf(clock.caseId)
      if (!c) continue
      const outbox: OutboxMessage[] = alerts.flatMap((a) =>
        audienceFor(c, a.recipients).map((role) => ({
          id: deps.ids.newId(),
          caseId: c.id,
          // one per run of a clock and stage — the dispatcher's dedupe key; a clock restarted by a reopen is a new run
          eventId: `clock:${c.id}:${a.clockId}:${clock.startedAt}:${a.stage}`,
          recipient: { role, id: recipientId(c, role) },
          template: `clock.${a.clockId}.${a.stage}`,
          createdAt: now.toISOString(),
        })),
      )
      if (await deps.store.advanceClock(next, clock.stage, outbox)) {
        report.advanced++
        report.alerts += outbox.length
        progressed++
      }
    }
    if (progressed === 0) return report // everything left was taken by a concurrent tick
  }
}
