import { advanceClock } from '../../src/domain/clocks/case-clock'
import type { OutboxMessage } from '../../src/domain/case.schema'
import type { ClockStep, DueClock } from '../ports/store'
import { audienceFor, recipientId } from './case-notifications'
import type { Deps } from './context'
import { escalateSilentShops, silentShops } from './escalate-silent'
import { drawMonthlyCallbacks } from './callback/monthly-draw'

export interface TickReport {
  examined: number
  advanced: number
  alerts: number
  /** cases whose shop let its response clock run out, sent to the station (escalate-silent.ts) */
  escalated: number
}

const BATCH = 200

/** One due clock moved on, with its reminder, urging notice or red card for each person it goes to. */
function stepOf(deps: Deps, now: Date, { clock, case: c }: DueClock): ClockStep {
  const { next, alerts } = advanceClock(clock, now)
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
  return { next, fromStage: clock.stage, alerts: outbox }
}

const moved = ({ next, fromStage }: ClockStep, before: DueClock) =>
  next.stage !== fromStage || next.nextCheckAt !== before.clock.nextCheckAt

/**
 * One pass of the clocks: every clock whose next check has come is moved on, and its reminder,
 * urging notice, or red card is queued for the people in its escalation chain — each exactly once.
 * Running it twice at the same instant finds nothing the second time; two ticks at once each take
 * clocks the other does not (the store holds a batch from its read to its write). Its work is bounded
 * by the clocks that are due (an index on next_check_at), not by the number of open cases, and each
 * batch is one read and one transaction (issue 13.5), not a few statements per clock.
 */
export async function tick(deps: Deps, now: Date): Promise<TickReport> {
  const report: TickReport = { examined: 0, advanced: 0, alerts: 0, escalated: 0 }
  await advanceClocks(deps, now, report)
  // 回访抽查: on the 1st (Beijing), last month's sample of each site not drawn yet (callback/monthly-draw.ts);
  // its clocks are then due like any other, from the next tick. It comes after the clocks, so a slow or
  // failed draw never holds a deadline back; a failed draw is tried again by the next tick
  await drawMonthlyCallbacks(deps, now).catch((err: unknown) => console.error(`drawing the call-back sample failed: ${String(err)}`))
  return report
}

async function advanceClocks(deps: Deps, now: Date, report: TickReport): Promise<void> {
  for (;;) {
    let progressed = 0
    let stillDue = 0
    const { examined, written } = await deps.store.advanceDueClocks(now.toISOString(), BATCH, (due) => {
      const step = stepOf(deps, now, due)
      if (moved(step, due)) progressed++
      if (step.next.nextCheckAt !== null && step.next.nextCheckAt <= now.toISOString()) stillDue++
      return step
    })
    report.examined += examined
    report.advanced += written.length
    report.alerts += written.reduce((n, s) => n + s.alerts.length, 0)
    report.escalated += await escalateSilentShops(deps, silentShops(written))
    // done when nothing is due (or a concurrent tick holds the rest), or nothing moved: a clock still
    // due after its step would otherwise be read again forever. A short batch whose clocks are all
    // done for now was the last: no second read to find that out
    if (examined === 0 || progressed === 0 || (examined < BATCH && stillDue === 0)) return
  }
}
