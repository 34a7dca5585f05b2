import type { Case } from '../../src/domain/case.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { IndustryLine } from '../../src/domain/industry'
import { GENESIS_HASH } from '../../src/domain/workflow/event-chain'
import { decideIndustryChange } from '../../src/domain/workflow/industry-change'
import type { ActorRole } from '../../src/domain/workflow/transitions'
import type { ActionOutcome } from './case-actions'
import { canSee } from './case-actions'
import { chainedEvent } from './chained-event'
import type { ServiceContext } from './context'

export interface IndustryChange {
  industry: IndustryLine
  /** why, optional; kept as the event's note */
  reason: string
}

/** The workflow fields exactly as they are: a correction of the line is no step of the case's life. */
const workflowOf = (c: Case) => ({
  status: c.status,
  kind: c.kind,
  reopenCount: c.reopenCount,
  outcome: c.outcome,
  completionKind: c.completionKind,
  onSitePending: c.onSitePending,
  extended: c.extended,
  answerKind: c.answerKind,
  rated: c.rated,
  satisfaction: c.satisfaction,
})

/**
 * station.setIndustry: staff correct a case's industry line (所属行业). A station its own site's cases,
 * a regulator any; anyone else, and another site's station, is told the case does not exist. The
 * change is a chained event (who, from what, to what, why) written with the new line in one change at
 * the version read, so it shows in every timeline and the board's next read has the new line.
 */
export async function setCaseIndustry(
  ctx: ServiceContext,
  as: ActorRole,
  caseId: string,
  change: IndustryChange,
): Promise<Result<ActionOutcome>> {
  const { store, clock } = ctx.deps
  const found = await store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND') // never "forbidden": no hint it exists
  const decided = decideIndustryChange(found, as, change.industry)
  if (!decided.ok) return decided
  const staffId = ctx.caller.staff?.staffId
  if (!staffId) return fail('UNAUTHENTICATED')

  const events = await store.listEvents(found.id)
  const last = events[events.length - 1]
  const at = clock.now().toISOString()
  const after = { ...found, industry: change.industry, updatedAt: at, version: found.version + 1 } // the row as applyChange writes it
  const event = chainedEvent(
    ctx.deps,
    {
      caseId: found.id,
      seq: (last?.seq ?? 0) + 1,
      type: 'industry_changed',
      actor: { role: as, id: staffId },
      at,
      note: change.reason.trim() || null,
      attachments: [],
      details: decided.data,
      prevHash: last ? last.hash : GENESIS_HASH,
    },
    after,
  )
  const updated = await store.applyChange({
    caseId: found.id,
    expectedVersion: found.version,
    next: { ...workflowOf(found), updatedAt: at },
    event,
    outbox: [], // nobody needs a message: the line routes and counts, the parties' business is unchanged
    clocks: [],
    industry: change.industry,
  })
  return ok({ caseId: updated.id, status: updated.status, outcome: updated.outcome, version: updated.version })
}
