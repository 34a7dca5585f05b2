import type { CaseKind, CaseStatus } from '../case.schema'
import type { ClockId, CompletionKind } from '../clocks/clock-rules'
import { fail, ok, type Result } from '../errors'
import type { EventDetails, EventDetailsKind } from './event-details'
import type { FastTrackFacts } from './fast-track'
import { OUTCOME_OF, type OutcomeCode } from './outcomes'
import type { TransferDetails } from './transfer'
import { AFTER_ACCEPTANCE, MAX_REOPENS, TRANSITIONS, WHILE_ACCEPTANCE_OWED, type ActorRole, type CaseAction } from './transitions'

/** The part of a case the workflow decides on. */
export interface WorkflowState {
  status: CaseStatus
  /** a report (举报) never goes to the shop it reports; absent means a complaint */
  kind?: CaseKind
  reopenCount: number
  /** set by every closure; kept while closed, cleared when reopened */
  outcome: OutcomeCode | null
  completionKind: CompletionKind
  onSitePending: boolean
  extended: boolean
  answerKind: 'offer' | 'refusal' | null
  rated: boolean
  satisfaction: 'satisfied' | 'unsatisfied' | null
}

/** What a person sends with a step besides the reason. */
export interface StepInput {
  reason?: string
  details?: EventDetails | null
  /** the station may set how long a case may take when it accepts it */
  completionKind?: CompletionKind
}

/** What the case's timeline says beyond its row; absent means the station has decided on acceptance. */
export interface CaseFacts {
  /** a complaint that went straight to its shop and the station has not accepted, refused or transferred yet */
  acceptanceOwed?: boolean
  /** the transfer still out and whether its receipt is recorded (transfer.ts pendingTransfer); absent: none */
  transfer?: { pending: TransferDetails | null; confirmed: boolean }
  /** the station's fast-track decision and its progress (fast-track.ts fastTrackOf); absent: not fast-tracked */
  fastTrack?: FastTrackFacts | null
  /** the case's clocks that run now (not stopped): some steps are offered only while their clock runs */
  runningClocks?: readonly ClockId[]
  /** the mediation is suspended (中止, suspension.ts isSuspended) */
  suspended?: boolean
}

/** Steps that keep a promise on the clock: offered while that clock runs, and only then. */
const WHILE_CLOCK_RUNS: Partial<Record<CaseAction, ClockId>> = {
  answerComplainant: 'answer_after_return',
  notifyCaseNumber: 'case_number',
}

/**
 * Steps that wait for a suspended mediation to resume: the record says when the wait was over first
 * (and a paused completion clock is not extended: resuming moves it out already).
 */
const NOT_WHILE_SUSPENDED: readonly CaseAction[] = ['mediate', 'endMediation', 'close', 'suspend', 'extend']

/** Where the shop has the case: it may check in here even with no on-site clock running. */
const WITH_SHOP: readonly CaseStatus[] = ['with_merchant', 'merchant_answered']

export interface Decision {
  next: WorkflowState
  action: CaseAction
}

export const initialWorkflowState = (completionKind: CompletionKind = 'ordinary'): WorkflowState => ({
  status: 'received',
  reopenCount: 0,
  outcome: null,
  completionKind,
  onSitePending: false,
  extended: false,
  answerKind: null,
  rated: false,
  satisfaction: null,
})

/** Which kind of details a step must carry. */
const DETAILS_OF: Partial<Record<CaseAction, readonly EventDetailsKind[]>> = {
  answer: ['offer', 'refusal'],
  rate: ['rating'],
  returnVisit: ['return_visit'],
  mediate: ['agreement'], // 调解成功 records what was agreed (terms, amount, date to perform)
  reject: ['not_accepted'], // 不予受理 names its ground (not-accepted.ts)
  transfer: ['transfer'], // 转办 names where the case goes (transfer.ts)
  fastTrack: ['fast_track'], // the ground and who goes on site
  concludeReport: ['report_finding'], // violation found or not: the outcome of a report
  staffCheckIn: ['team_check_in'], // written by the server: whether a location was kept
}

const DETAILS_MISSING: Partial<Record<CaseAction, string>> = {
  answer: '请填写处理方案或不同意的理由',
  rate: '请完成评价',
  returnVisit: '请填写回访记录',
  mediate: '请填写调解协议（内容、金额、履行日期）',
  reject: '请选择不予受理的理由',
  transfer: '请选择转办去向',
  fastTrack: '请选择快速响应的理由和到场人员',
  concludeReport: '请填写核查结果',
}

/**
 * The steps that put a case in front of its shop. A report (举报) may come from someone inside the
 * shop; the text alone can name them, so the shop never sees it and none of these apply to it.
 */
export const MERCHANT_FACING_ACTIONS: readonly CaseAction[] = ['dispatch', 'answer', 'checkIn']

/** Conditions beyond "from which state": each names the fact that makes the step possible. */
function guard(state: WorkflowState, action: CaseAction, facts: CaseFacts): Result<void> {
  if (state.kind === 'report' && MERCHANT_FACING_ACTIONS.includes(action)) return fail('REPORT_NOT_FOR_MERCHANT')
  if (facts.acceptanceOwed && AFTER_ACCEPTANCE.includes(action)) return fail('ILLEGAL_TRANSITION')
  if (facts.suspended && NOT_WHILE_SUSPENDED.includes(action)) return fail('ILLEGAL_TRANSITION')
  switch (action) {
    case 'checkIn':
      // a fast-track case whose team member was named: only that member's check-in is the arrival
      if (facts.fastTrack?.onSite === 'team') return fail('NOT_ON_SITE_ASSIGNEE')
      // whenever an on-site clock runs, whoever has the case (docs/domain.md "The clocks")
      return WITH_SHOP.includes(state.status) || state.onSitePending ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    case 'reopen':
      // once, and only after the shopper said they are not satisfied
      return state.reopenCount < MAX_REOPENS && state.satisfaction === 'unsatisfied' ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    case 'requireOnSite':
      return state.onSitePending ? fail('ILLEGAL_TRANSITION') : ok(undefined)
    case 'extend':
      return state.completionKind === 'complex' && !state.extended ? ok(undefined) : fail('EXTENSION_NOT_ALLOWED')
    case 'acceptOffer':
      return state.answerKind === 'offer' ? ok(undefined) : fail('ILLEGAL_TRANSITION') // a refusal cannot be "accepted"
    case 'rate':
      return state.rated ? fail('ILLEGAL_TRANSITION') : ok(undefined)
    case 'sendBack': {
      // the receiving site sends a move back; an outside destination's 退回 is recorded where the case stayed
      const out = facts.transfer?.pending
      const fits = state.status === 'received' ? out?.destination === 'site' : !!out && out.destination !== 'site'
      return fits ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    }
    case 'confirmTransfer': {
      const out = facts.transfer?.pending
      return out && out.destination !== 'site' && !facts.transfer?.confirmed ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    }
    case 'fastTrack':
      return facts.fastTrack ? fail('ILLEGAL_TRANSITION') : ok(undefined) // decided once
    case 'fastDispatch':
      return facts.fastTrack && !facts.fastTrack.dispatched ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    case 'staffCheckIn':
      if (facts.fastTrack?.onSite === 'merchant') return fail('NOT_ON_SITE_ASSIGNEE') // the shop's representative was sent
      return facts.fastTrack?.dispatched && state.onSitePending ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    case 'fastTrackFeedback':
      return facts.fastTrack && !facts.fastTrack.feedbackGiven ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    case 'concludeReport':
      return state.kind === 'report' ? ok(undefined) : fail('ILLEGAL_TRANSITION') // a complaint closes by settlement or mediation
    case 'answerComplainant':
    case 'notifyCaseNumber': {
      const clock = WHILE_CLOCK_RUNS[action]
      return clock && facts.runningClocks?.includes(clock) ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    }
    case 'resume':
      return facts.suspended ? ok(undefined) : fail('ILLEGAL_TRANSITION')
    default:
      return ok(undefined)
  }
}

/** May `role` take `action` now? Roles first (FORBIDDEN), then the state (ILLEGAL_TRANSITION). */
function legal(state: WorkflowState, action: CaseAction, role: ActorRole, facts: CaseFacts): Result<void> {
  const rule = TRANSITIONS[action]
  if (!rule.roles.includes(role)) return fail('FORBIDDEN')
  const owedFrom = facts.acceptanceOwed ? (WHILE_ACCEPTANCE_OWED[action] ?? []) : []
  if (!rule.from.includes(state.status) && !owedFrom.includes(state.status)) return fail('ILLEGAL_TRANSITION')
  return guard(state, action, facts)
}

function nextState(state: WorkflowState, action: CaseAction, input: StepInput): WorkflowState {
  // the station's 受理 of a case the shop already has neither resets nor blocks the shop's progress
  const keepsStatus = action === 'accept' && state.status !== 'received'
  const status = keepsStatus ? state.status : (TRANSITIONS[action].to ?? state.status)
  const details = input.details ?? null
  const next: WorkflowState = {
    ...state,
    status,
    outcome: action === 'close' ? (OUTCOME_OF[state.status] ?? null) : status === 'closed' ? state.outcome : null,
  }
  switch (action) {
    case 'accept':
      return { ...next, completionKind: input.completionKind ?? state.completionKind }
    case 'answer':
      return { ...next, answerKind: details?.kind === 'refusal' ? 'refusal' : 'offer' }
    case 'requireOnSite':
      return { ...next, onSitePending: true }
    case 'transfer':
      // moved to another site of the system: there it is a new case to decide (transfer.ts)
      return details?.kind === 'transfer' && details.destination === 'site' ? { ...next, status: 'received', onSitePending: false } : next
    case 'checkIn':
    case 'staffCheckIn':
      return { ...next, onSitePending: false }
    case 'fastDispatch':
      return { ...next, onSitePending: true } // the 90 minutes run for the person named
    case 'concludeReport':
      return { ...next, outcome: details?.kind === 'report_finding' && details.violationFound ? 'violation_found' : 'no_violation' }
    case 'extend':
      return { ...next, extended: true }
    case 'rate':
      return { ...next, rated: true, satisfaction: details?.kind === 'rating' && !details.satisfied ? 'unsatisfied' : 'satisfied' }
    case 'returnVisit':
      // a promise the shop did not keep is as good a ground to reopen as "not satisfied" (docs/callbacks.md)
      return {
        ...next,
        satisfaction: details?.kind === 'return_visit' && (!details.satisfied || !details.promiseKept) ? 'unsatisfied' : 'satisfied',
      }
    case 'reopen':
      return { ...next, reopenCount: state.reopenCount + 1, rated: false, satisfaction: null, answerKind: null, onSitePending: false }
    default:
      return next
  }
}

/**
 * Decide whether `role` may take `action` now, and what the case becomes. Pure: the caller writes
 * the event and the new state together. Object-level checks (is this the case's merchant?) are the
 * caller's; this answers only "is this move legal for this kind of actor in this state".
 */
export function decide(
  state: WorkflowState,
  action: CaseAction,
  role: ActorRole,
  input: StepInput = {},
  facts: CaseFacts = {},
): Result<Decision> {
  const allowed = legal(state, action, role, facts)
  if (!allowed.ok) return allowed
  if (TRANSITIONS[action].needsReason && (input.reason ?? '').trim() === '') return fail('VALIDATION_FAILED', { reason: '请填写原因' })
  const kinds = DETAILS_OF[action]
  const details = input.details ?? null
  if (kinds && (!details || !kinds.includes(details.kind)))
    return fail('VALIDATION_FAILED', { details: DETAILS_MISSING[action] ?? '请填写完整' })
  const optional = action === 'suspend' && details?.kind === 'suspension' // the ground may also be just the reason
  if (!kinds && details && details.kind !== 'extension' && !optional)
    return fail('VALIDATION_FAILED', { details: '此操作不需要填写这些内容' })
  // a report never goes to the shop it reports, not even as the one sent on site
  if (details?.kind === 'fast_track' && details.onSite === 'merchant' && state.kind === 'report') return fail('REPORT_NOT_FOR_MERCHANT')
  return ok({ next: nextState(state, action, input), action })
}

/** Every action this role could take now: what a screen offers as buttons. */
export function availableActions(state: WorkflowState, role: ActorRole, facts: CaseFacts = {}): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => legal(state, a, role, facts).ok)
}
