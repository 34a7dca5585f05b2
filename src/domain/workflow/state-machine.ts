import type { CaseStatus } from '../case.schema'
import { fail, ok, type Result } from '../errors'
import { OUTCOME_OF, type OutcomeCode } from './outcomes'
import { MAX_REOPENS, TRANSITIONS, type ActorRole, type CaseAction } from './transitions'

/** The part of a case the workflow decides on. */
export interface WorkflowState {
  status: CaseStatus
  reopenCount: number
  /** set by every closure; kept while closed, cleared when reopened */
  outcome: OutcomeCode | null
}

export interface Decision {
  next: WorkflowState
  action: CaseAction
}

export const initialWorkflowState = (): WorkflowState => ({ status: 'received', reopenCount: 0, outcome: null })

/**
 * Decide whether `role` may take `action` now, and what the case becomes. Pure: the caller writes
 * the event and the new state together. Object-level checks (is this the case's merchant?) are the
 * caller's; this answers only "is this move legal for this kind of actor in this state".
 */
export function decide(state: WorkflowState, action: CaseAction, role: ActorRole, reason = ''): Result<Decision> {
  const rule = TRANSITIONS[action]
  if (!rule.roles.includes(role)) return fail('FORBIDDEN')
  if (!rule.from.includes(state.status)) return fail('ILLEGAL_TRANSITION')
  if (rule.needsReason && reason.trim() === '') return fail('VALIDATION_FAILED', { reason: '请填写原因' })
  if (action === 'reopen' && state.reopenCount >= MAX_REOPENS) return fail('ILLEGAL_TRANSITION')

  const status = rule.to ?? state.status
  const next: WorkflowState = {
    status,
    reopenCount: state.reopenCount + (action === 'reopen' ? 1 : 0),
    outcome: action === 'close' ? (OUTCOME_OF[state.status] ?? null) : status === 'closed' ? state.outcome : null,
  }
  return ok({ next, action })
}

/** Every action this role could take now: what a screen offers as buttons. */
export function availableActions(state: WorkflowState, role: ActorRole): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => decide(state, a, role, 'x').ok)
}
