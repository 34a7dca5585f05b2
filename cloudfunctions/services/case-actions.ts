import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import { clocksAfterEvent } from '../../src/domain/clocks/case-clock'
import type { Caller } from '../../src/domain/identity'
import { fail, ok, type Result } from '../../src/domain/errors'
import { GENESIS_HASH } from '../../src/domain/workflow/event-chain'
import { decide } from '../../src/domain/workflow/state-machine'
import { EVENT_OF_ACTION, type ActorRole, type CaseAction } from '../../src/domain/workflow/transitions'
import { chainedEvent } from './chained-event'
import type { ServiceContext } from './context'
import { notificationsFor } from './case-notifications'

export interface ActionOutcome {
  caseId: string
  status: Case['status']
  outcome: Case['outcome']
  version: number
}

/** Object-level rule: may this caller, acting as `role`, see this case at all? */
export function canSee(caller: Caller, c: Case, role: ActorRole): boolean {
  switch (role) {
    case 'consumer':
      return !!caller.subject && c.filedBy === caller.subject
    case 'merchant':
      return caller.memberships.some((m) => m.merchantId === c.merchantId)
    case 'station':
      return caller.staff?.role === 'station' && caller.staff.siteId === c.siteId
    case 'regulator':
      return caller.staff?.role === 'regulator' && (caller.staff.siteId === null || caller.staff.siteId === c.siteId)
    default:
      return false
  }
}

/** Consumers and clerks are known by their platform subject; staff by their account. */
const actorId = (caller: Caller, role: ActorRole) => (role === 'consumer' || role === 'merchant' ? caller.subject! : caller.staff!.staffId)

/**
 * Move a case one step: check who may see it, ask the state machine, then write the new state, the
 * chained event and its notifications in one transaction (at the version decided on).
 */
export async function actOnCase(ctx: ServiceContext, as: ActorRole, caseId: string, action: CaseAction, reason: string): Promise<Result<ActionOutcome>> {
  const { store, clock } = ctx.deps
  const found = await store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND') // never "forbidden": no hint it exists
  const decision = decide(found, action, as, reason)
  if (!decision.ok) return decision

  const events = await store.listEvents(found.id)
  const last = events[events.length - 1]
  const at = clock.now().toISOString()
  const event = chainedEvent(ctx.deps, {
    caseId: found.id,
    seq: (last?.seq ?? 0) + 1,
    type: EVENT_OF_ACTION[action],
    actor: { role: as, id: actorId(ctx.caller, as) },
    at,
    note: reason.trim() || null,
    prevHash: last ? last.hash : GENESIS_HASH,
  })
  const outbox: OutboxMessage[] = notificationsFor(ctx.deps, found, action, event)
  const clocks = clocksAfterEvent(found.id, await store.listClocksOfCase(found.id), event.type, new Date(at), { table: ctx.deps.calendar })
  const next = decision.data.next
  const updated = await store.applyChange({
    caseId: found.id,
    expectedVersion: found.version,
    next: { status: next.status, reopenCount: next.reopenCount, outcome: next.outcome, updatedAt: at },
    event,
    outbox,
    clocks,
  })
  return ok({ caseId: updated.id, status: updated.status, outcome: updated.outcome, version: updated.version })
}
