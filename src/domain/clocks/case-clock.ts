import { z } from 'zod'
import type { HolidayTable } from '../calendar/holiday-table'
import type { Role } from '../identity'
import { computeDeadline } from './clock-deadline'
import { CLOCK_IDS, ruleFor, type ClockId, type ClockSettings, type CompletionKind } from './clock-rules'

// One promise running on one case. `stage` only moves forward (running → reminded → urged →
// overdue), and `nextCheckAt` is the next instant the tick must look at it (null when nothing more
// can happen) — so the tick's work is what is due, never the number of open cases.
export const CLOCK_STAGES = ['running', 'reminded', 'urged', 'overdue', 'stopped'] as const
export type ClockStage = (typeof CLOCK_STAGES)[number]

const Instant = z.iso.datetime({ offset: true })
export const CaseClockSchema = z.object({
  caseId: z.string().min(1),
  clockId: z.enum(CLOCK_IDS),
  startedAt: Instant,
  dueAt: Instant,
  remindAt: Instant,
  urgeAt: Instant,
  explanation: z.string(),
  provisional: z.boolean(),
  stage: z.enum(CLOCK_STAGES),
  nextCheckAt: Instant.nullable(),
  stoppedAt: Instant.nullable(),
  /** set while the case's mediation is suspended (中止): the clock neither runs nor alerts (clock-pause.ts) */
  pausedAt: Instant.nullable().optional(),
})
export type CaseClock = z.infer<typeof CaseClockSchema>

export interface ClockContext {
  table: HolidayTable
  settings?: ClockSettings
  completionKind?: CompletionKind
  /** the case was fast-tracked (workflow/fast-track.ts): rules marked onlyFastTrack may start */
  fastTrack?: boolean
}

/** Start and stop clocks as an event happens. Returns only the clocks that changed. */
export function clocksAfterEvent(
  caseId: string,
  existing: readonly CaseClock[],
  eventType: string,
  at: Date,
  ctx: ClockContext,
): CaseClock[] {
  const changed: CaseClock[] = []
  for (const id of CLOCK_IDS) {
    const rule = ruleFor(id, ctx.settings, ctx.completionKind)
    const current = existing.find((c) => c.clockId === id)
    const running = current && current.stage !== 'stopped'
    if (running && rule.stopOn.includes(eventType)) {
      changed.push({ ...current, stage: 'stopped', stoppedAt: at.toISOString(), nextCheckAt: null })
    } else if (!running && rule.startOn.includes(eventType) && (!rule.onlyFastTrack || ctx.fastTrack)) {
      const d = computeDeadline(rule, at, ctx.table)
      changed.push({
        caseId,
        clockId: id,
        startedAt: d.startedAt,
        dueAt: d.dueAt,
        remindAt: d.remindAt,
        urgeAt: d.urgeAt,
        explanation: d.explanation,
        provisional: d.provisional,
        stage: 'running',
        nextCheckAt: d.remindAt,
        stoppedAt: null,
      })
    }
  }
  return changed
}

export interface ClockAlert {
  clockId: ClockId
  stage: Exclude<ClockStage, 'running' | 'stopped'>
  recipients: Role[]
}

/**
 * Where a clock stands at `now`, and the alerts owed for the stages it passed since the last tick
 * (a tick that was down for an hour still sends each card once). Pure and idempotent: advancing
 * an already-advanced clock to the same instant changes nothing and owes nothing.
 */
export function advanceClock(clock: CaseClock, now: Date, settings?: ClockSettings): { next: CaseClock; alerts: ClockAlert[] } {
  if (clock.stage === 'stopped' || clock.stage === 'overdue') return { next: clock, alerts: [] }
  // a paused clock owes nothing; a tick that read it before the pause learns it has nothing to check
  if (clock.pausedAt) return { next: { ...clock, nextCheckAt: null }, alerts: [] }
  const t = now.getTime()
  const chain = ruleFor(clock.clockId, settings).escalation
  const steps: { stage: ClockAlert['stage']; at: string; recipients: Role[] }[] = [
    { stage: 'reminded', at: clock.remindAt, recipients: chain.slice(0, 1) },
    { stage: 'urged', at: clock.urgeAt, recipients: chain.slice(0, 2) },
    { stage: 'overdue', at: clock.dueAt, recipients: [...chain] },
  ]
  const order = ['running', 'reminded', 'urged', 'overdue']
  const alerts: ClockAlert[] = []
  let stage: ClockStage = clock.stage
  for (const s of steps) {
    if (order.indexOf(s.stage) <= order.indexOf(stage)) continue
    if (Date.parse(s.at) > t) break
    stage = s.stage
    alerts.push({ clockId: clock.clockId, stage: s.stage, recipients: s.recipients })
  }
  const upcoming = steps.find((s) => order.indexOf(s.stage) > order.indexOf(stage))
  return { next: { ...clock, stage, nextCheckAt: upcoming ? upcoming.at : null }, alerts }
}
