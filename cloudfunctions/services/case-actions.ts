import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import { clocksAfterEvent, type CaseClock } from '../../src/domain/clocks/case-clock'
import { extendClock } from '../../src/domain/clocks/clock-extension'
import { merchantClockSettings } from '../../src/domain/clocks/merchant-clock-settings'
import { DEFAULT_COMPLETION_EXTENSION, type CompletionKind } from '../../src/domain/clocks/clock-rules'
import type { Caller } from '../../src/domain/identity'
import { fail, ok, type Result } from '../../src/domain/errors'
import { shanghaiDayKey } from '../../src/domain/time'
import type { ClientDetails, EventDetails } from '../../src/domain/workflow/event-details'
import { GENESIS_HASH } from '../../src/domain/workflow/event-chain'
import { mayVisitBack } from '../../src/domain/workflow/return-visit-rule'
import { decide } from '../../src/domain/workflow/state-machine'
import { escalationEvent } from '../../src/domain/workflow/escalation-event'
import { fastTrackOf } from '../../src/domain/workflow/fast-track'
import { acceptanceOwed, EVENT_OF_ACTION, type ActorRole, type CaseAction } from '../../src/domain/workflow/transitions'
import { clockFacts } from '../../src/domain/workflow/suspension-facts'
import { chainedEvent } from './chained-event'
import { noteRating } from './callback/rating-reviews'
import { holdStep } from './suspension-step'
import type { ServiceContext } from './context'
import type { CallbackSampleWrite } from '../ports/callback-store'
import { notificationsFor } from './case-notifications'
import { routeTransfer } from './transfer-routing'
import { transferFacts } from '../../src/domain/workflow/transfer'

export interface ActionOutcome {
  caseId: string
  status: Case['status']
  outcome: Case['outcome']
  version: number
  /** the event the step appended (a fast-track check-in keeps its location beside it) */
  eventId?: string
}

/** One step as a person asks for it. */
export interface StepRequest {
  action: CaseAction
  reason: string
  details?: ClientDetails | null
  /** evidence ids this person uploaded for the step */
  attachments?: string[]
  completionKind?: CompletionKind
  /** details a service wrote from a checked input of its own (fast-track, a report's finding); never a client's */
  written?: EventDetails
  /** 回访抽查 (callback-desk.ts): the call-back item this step completes, given the step's event id; written in the same transaction */
  callback?: (eventId: string) => { write: CallbackSampleWrite; clocks: CaseClock[] }
}

/** The step a function's input asks for (the contract names the case step `caseAction`). */
export const stepOf = (input: {
  caseAction: CaseAction
  reason: string
  details: ClientDetails | null
  attachments: string[]
}): StepRequest => ({
  action: input.caseAction,
  reason: input.reason,
  details: input.details,
  attachments: input.attachments,
})

/** Object-level rule: may this caller, acting as `role`, see this case at all? */
export function canSee(caller: Caller, c: Case, role: ActorRole): boolean {
  switch (role) {
    case 'consumer':
      return !!caller.subject && c.filedBy === caller.subject
    case 'merchant':
      // a report is never the reported shop's business (docs/domain.md "Complaint and report")
      return c.kind !== 'report' && caller.memberships.some((m) => m.merchantId === c.merchantId)
    case 'station':
      return caller.staff?.role === 'station' && caller.staff.siteId === c.siteId
    case 'regulator':
      return caller.staff?.role === 'regulator' && (caller.staff.siteId === null || caller.staff.siteId === c.siteId)
    case 'system':
      // only the server's own jobs act as the system (the tick escalating a silent shop, escalate-silent.ts):
      // no handler passes a role a client chose, and the policy table grants no client 'system'
      return caller === SYSTEM_CALLER
    default:
      return false
  }
}

const responseClockOf = (clocks: readonly CaseClock[]) => clocks.find((k) => k.clockId === 'merchant_response')

/** The caller the server's own jobs act as: nobody's subject, no staff account, no shop. */
export const SYSTEM_CALLER: Caller = Object.freeze({ memberships: [] })

/** Consumers and clerks are known by their platform subject; staff by their account; the system as itself. */
const actorId = (caller: Caller, role: ActorRole): string | undefined =>
  role === 'system' ? 'system' : role === 'consumer' || role === 'merchant' ? caller.subject : caller.staff?.staffId

/** The extension's terms, worked out here (never sent by a client): the completion clock moves out. */
async function extension(
  ctx: ServiceContext,
  c: Case,
  clocks: readonly CaseClock[],
): Promise<Result<{ clock: CaseClock; details: EventDetails }>> {
  const completion = clocks.find((k) => k.clockId === 'completion')
  if (!completion) return fail('EXTENSION_NOT_ALLOWED')
  const site = await ctx.deps.store.getSite(c.siteId)
  const days = site?.clockSettings.completionExtension ?? DEFAULT_COMPLETION_EXTENSION
  const moved = extendClock(completion, days, ctx.deps.calendar, ctx.deps.clock.now())
  if (!moved.ok) return moved
  const { clock, workingDays, previousDueAt } = moved.data
  return ok({ clock, details: { kind: 'extension', workingDays, previousDueAt, dueAt: clock.dueAt } })
}

/**
 * Move a case one step: check who may see it, ask the state machine, then write the new state, the
 * chained event, its notifications, the clocks it starts or stops and the files it attaches in one
 * transaction (at the version decided on).
 */
export async function actOnCase(ctx: ServiceContext, as: ActorRole, caseId: string, step: StepRequest): Promise<Result<ActionOutcome>> {
  const { store, clock } = ctx.deps
  const found = await store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND') // never "forbidden": no hint it exists
  // read before deciding: the timeline says whether the station still owes its acceptance decision
  const [events, existingClocks, site, merchant] = await Promise.all([
    store.listEvents(found.id),
    store.listClocksOfCase(found.id),
    store.getSite(found.siteId),
    store.getMerchant(found.merchantId),
  ])
  const input = { reason: step.reason, details: step.written ?? step.details, completionKind: step.completionKind }
  const fastTrack = fastTrackOf(events)
  const decision = decide(found, step.action, as, input, {
    acceptanceOwed: acceptanceOwed(events),
    fastTrack,
    transfer: transferFacts(events),
    ...clockFacts(events, existingClocks),
  })
  if (!decision.ok) return decision
  // an agreement cannot promise a day already gone (the domain never reads the clock, so it is checked here)
  if (step.details?.kind === 'agreement' && step.details.performBy.replaceAll('-', '') < shanghaiDayKey(clock.now()))
    return fail('VALIDATION_FAILED', { 'details.performBy': '履行日期不能早于今天' })

  const actorIdOf = actorId(ctx.caller, as)
  if (!actorIdOf) return fail('UNAUTHENTICATED') // the policy let a role through that the caller cannot name
  const actor = { role: as, id: actorIdOf }
  if (step.action === 'returnVisit' && !mayVisitBack(events, actor.id)) return fail('RETURN_VISIT_BY_HANDLER')
  // a team sent on site checks in as the one member sent, not any clerk of the station
  if (step.action === 'staffCheckIn' && fastTrack?.onSite === 'team' && fastTrack.staffId !== actor.id) return fail('NOT_ON_SITE_ASSIGNEE')
  let details: EventDetails | null = step.written ?? step.details ?? null
  const moved: CaseClock[] = []
  if (step.action === 'extend') {
    const ext = await extension(ctx, found, existingClocks)
    if (!ext.ok) return ext
    details = ext.data.details
    moved.push(ext.data.clock)
  }
  const held = holdStep(ctx.deps, step, events, existingClocks) // 中止 / 恢复调解 pause and move the clocks
  if (held && !held.ok) return held
  if (held?.ok) {
    details = held.data.details
    moved.push(...held.data.moved)
  }
  // 转办 / 退回: where the case goes, what the event records, which clocks run (transfer-routing.ts)
  const route = await routeTransfer(ctx, found, step.action, details, events, merchant)
  if (!route.ok) return route
  details = route.data.details
  const move = route.data.siteId ? { siteId: route.data.siteId } : {}
  const attachments = [...new Set(step.attachments ?? [])]
  const uploader = ctx.caller.subject
  if (attachments.length > 0 && !uploader) return fail('EVIDENCE_NOT_FOUND') // uploads belong to a device or openid

  const last = events[events.length - 1]
  const at = clock.now().toISOString()
  const next = { ...decision.data.next, ...move }
  const event = chainedEvent(
    ctx.deps,
    {
      caseId: found.id,
      seq: (last?.seq ?? 0) + 1,
      type: step.action === 'escalate' ? escalationEvent(as, responseClockOf(existingClocks), new Date(at)) : EVENT_OF_ACTION[step.action],
      actor,
      at,
      note: step.reason.trim() || null,
      attachments,
      details,
      prevHash: last ? last.hash : GENESIS_HASH,
    },
    { ...found, ...next, updatedAt: at, version: found.version + 1 }, // the row exactly as applyChange writes it
  )
  const outbox: OutboxMessage[] = notificationsFor(ctx.deps, { ...found, ...move }, step.action, event, route.data.alsoTell)
  const started = clocksAfterEvent(found.id, existingClocks, event.type, new Date(at), {
    table: ctx.deps.calendar,
    settings: merchantClockSettings(site?.clockSettings, merchant), // the shop's own signed minutes win
    completionKind: next.completionKind,
    fastTrack: !!fastTrack || step.action === 'fastTrack',
  })
  const callback = step.callback?.(event.id)
  const updated = await store.applyChange({
    caseId: found.id,
    expectedVersion: found.version,
    next: { ...next, updatedAt: at },
    event,
    outbox,
    clocks: [...moved, ...route.data.clocks(started, existingClocks, new Date(at)), ...(callback?.clocks ?? [])],
    callbackSample: callback?.write,
    claim: attachments.length > 0 && uploader ? { ids: attachments, uploadedBy: uploader } : undefined,
  })
  if (event.type === 'rated') await noteRating(ctx.deps, updated, event) // below 80 %: the station head's review list
  return ok({ caseId: updated.id, status: updated.status, outcome: updated.outcome, version: updated.version, eventId: event.id })
}
