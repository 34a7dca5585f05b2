import type { CaseEvent } from '../case.schema'

/**
 * A return visit is made by someone other than whoever closed the case (docs/domain.md "Return
 * visits and satisfaction"): the handler would be asking about their own work. The last closure counts.
 */
export function mayVisitBack(events: readonly CaseEvent[], actorId: string): boolean {
  const closer = [...events].reverse().find((e) => e.type === 'closed')?.actor.id
  return closer !== actorId
}
