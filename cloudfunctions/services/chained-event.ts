import type { CaseEvent } from '../../src/domain/case.schema'
import { eventHashInput } from '../../src/domain/workflow/event-chain'
import type { Deps } from './context'

/** A new timeline event, linked to the one before it by hash. */
export function chainedEvent(deps: Deps, e: Omit<CaseEvent, 'id' | 'hash'>): CaseEvent {
  return { ...e, id: deps.ids.newId(), hash: deps.secrets.hashToken(eventHashInput(e)) }
}
