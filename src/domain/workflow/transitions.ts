import { CASE_STATUSES, type CaseStatus } from '../case.schema'
import type { Role } from '../identity'

// The life of a case (docs/domain.md) as data: each action names the states it may start from, the
// state it leads to, and who may take it. Anything not in this table is illegal.
export const CASE_ACTIONS = [
  'accept',
  'reject',
  'transfer',
  'dispatch',
  'answer',
  'checkIn',
  'acceptOffer',
  'refuseOffer',
  'escalate',
  'mediate',
  'endMediation',
  'close',
  'withdraw',
  'reopen',
  'requireOnSite',
  'extend',
  'rate',
  'returnVisit',
  'sendBack', // 退回: the transfer was not theirs (transfer.ts)
  'confirmTransfer', // the receipt of the hand-over letter, or the cross-region sending, is recorded
  'fastTrack', // 快速响应 at intake (fast-track.ts)
  'fastDispatch', // 快反派单: within 15 minutes of the decision
  'staffCheckIn', // the named quick-response team member is on site
  'fastTrackFeedback', // the team reports back within 24 hours of closing
  'concludeReport', // 举报办结 with a finding: violation found or not
  'answerComplainant', // 已答复投诉人: offered while the 2-hour clock after a 退回 runs
  'notifyCaseNumber', // 已告知案件编号: a case typed in for a caller or a hand-over
  'suspend', // 中止调解 (suspension.ts): the mediation and completion clocks pause
  'resume', // 恢复调解: they run again with the time they had left
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export type ActorRole = Role | 'system'

/** Open = someone still owes the consumer something; a withdrawal is possible from each of these. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'with_merchant', 'merchant_answered', 'mediating']
/** Open and already with someone to handle it: where on-site visits and extensions make sense. */
const IN_HAND: readonly CaseStatus[] = ['accepted', 'with_merchant', 'merchant_answered', 'mediating']

/** Ends of the road: closed can only be reopened (once); the others never move again. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['not_accepted', 'transferred', 'withdrawn', 'closed']
/** Every status but a withdrawal: a case sent back may stand anywhere, and the complainant is still owed an answer. */
const ALL_BUT_WITHDRAWN: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'withdrawn')

export interface TransitionRule {
  from: readonly CaseStatus[]
  /** null: the action is recorded as an event but the status stays (an on-site check-in, a rating) */
  to: CaseStatus | null
  roles: readonly ActorRole[]
  /** a reason people can read is required */
  needsReason: boolean
}

const STAFF: readonly ActorRole[] = ['station', 'regulator']

export const TRANSITIONS: Record<CaseAction, TransitionRule> = {
  accept: { from: ['received'], to: 'accepted', roles: STAFF, needsReason: false },
  reject: { from: ['received'], to: 'not_accepted', roles: STAFF, needsReason: true }, // 不予受理
  transfer: { from: ['received'], to: 'transferred', roles: STAFF, needsReason: true }, // 转办: not ours
  dispatch: { from: ['accepted'], to: 'with_merchant', roles: STAFF, needsReason: false },
  answer: { from: ['with_merchant'], to: 'merchant_answered', roles: ['merchant'], needsReason: false },
  // the shop may check in while it has the case, and whenever an on-site clock runs (state-machine.ts guard) —
  // also a fast-track case not yet accepted, whose representative the station sent (fast-track.ts)
  checkIn: { from: OPEN_STATUSES, to: null, roles: ['merchant'], needsReason: false },
  acceptOffer: { from: ['merchant_answered'], to: 'settled', roles: ['consumer'], needsReason: false },
  refuseOffer: { from: ['merchant_answered'], to: 'mediating', roles: ['consumer'], needsReason: true },
  // the clock ran out (system, or staff after the due time) or the station chose to step in: the event says which (escalationEvent)
  escalate: { from: ['with_merchant'], to: 'mediating', roles: ['system', ...STAFF], needsReason: true },
  mediate: { from: ['mediating'], to: 'mediated', roles: STAFF, needsReason: false },
  endMediation: { from: ['mediating'], to: 'mediation_ended', roles: STAFF, needsReason: true },
  close: { from: ['settled', 'mediated', 'mediation_ended'], to: 'closed', roles: [...STAFF, 'system'], needsReason: false },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', roles: ['consumer'], needsReason: false },
  reopen: { from: ['closed'], to: 'accepted', roles: STAFF, needsReason: true }, // after an unsatisfied return visit
  requireOnSite: { from: IN_HAND, to: null, roles: STAFF, needsReason: false }, // starts the 90-minute clock
  extend: { from: IN_HAND, to: null, roles: STAFF, needsReason: true }, // complex cases, once
  rate: { from: ['closed'], to: null, roles: ['consumer'], needsReason: false },
  returnVisit: { from: ['closed'], to: null, roles: STAFF, needsReason: false }, // 回访, by someone other than the handler
  // 退回 and the receipt of a transfer: only while a transfer is out (state-machine.ts guard, transfer.ts pendingTransfer)
  sendBack: { from: ['received', 'transferred'], to: 'received', roles: STAFF, needsReason: true },
  confirmTransfer: { from: ['transferred'], to: null, roles: STAFF, needsReason: false },
  // fast-track (fast-track.ts): decided at intake, dispatched, the named team member checks in, the team reports back
  fastTrack: { from: ['received', 'accepted'], to: null, roles: STAFF, needsReason: false },
  fastDispatch: { from: OPEN_STATUSES, to: null, roles: STAFF, needsReason: false }, // starts the 45 and the 90 minutes
  staffCheckIn: { from: OPEN_STATUSES, to: null, roles: ['station'], needsReason: false }, // only the member named (service)
  fastTrackFeedback: { from: ['closed'], to: null, roles: ['station'], needsReason: true },
  concludeReport: { from: ['accepted'], to: 'closed', roles: STAFF, needsReason: false }, // a report's closure carries its finding
  // offered while their clock runs, wherever the case stands (state-machine.ts guard: CaseFacts.runningClocks)
  answerComplainant: { from: ALL_BUT_WITHDRAWN, to: null, roles: ['station'], needsReason: true },
  notifyCaseNumber: { from: OPEN_STATUSES, to: null, roles: ['station'], needsReason: false },
  suspend: { from: ['mediating'], to: null, roles: STAFF, needsReason: false }, // the ground is in the details or the reason
  resume: { from: ['mediating'], to: null, roles: STAFF, needsReason: false },
}

export const MAX_REOPENS = 1

/**
 * A complaint that went straight to its shop (docs/domain.md "Straight to the shop") still owes the
 * station's acceptance decision while the shop works on it. Until the station decides, these steps
 * are open from these states too: accepting leaves the status where the shop's progress put it
 * (state-machine.ts); refusing or transferring is possible only until the shop has answered.
 */
export const WHILE_ACCEPTANCE_OWED: Partial<Record<CaseAction, readonly CaseStatus[]>> = {
  accept: ['with_merchant', 'merchant_answered', 'settled', 'mediating'],
  reject: ['with_merchant'],
  transfer: ['with_merchant'],
}

/** Steps the station takes only on a case it has accepted: it neither mediates nor closes one it has not. */
export const AFTER_ACCEPTANCE: readonly CaseAction[] = ['mediate', 'endMediation', 'close']

/** The events that carry the station's acceptance decision. */
export const ACCEPTANCE_DECISIONS = ['accepted', 'rejected', 'transferred'] as const

/** Does the case still wait for the station's decision? Read from its timeline, which never changes. */
export const acceptanceOwed = (events: readonly { type: string }[]): boolean =>
  !events.some((e) => (ACCEPTANCE_DECISIONS as readonly string[]).includes(e.type))

/** The event each action appends to the timeline. */
export const EVENT_OF_ACTION = {
  accept: 'accepted',
  reject: 'rejected',
  transfer: 'transferred',
  dispatch: 'dispatched',
  answer: 'answered',
  checkIn: 'checked_in',
  acceptOffer: 'offer_accepted',
  refuseOffer: 'offer_refused',
  escalate: 'escalated',
  mediate: 'mediated',
  endMediation: 'mediation_ended',
  close: 'closed',
  withdraw: 'withdrawn',
  reopen: 'reopened',
  requireOnSite: 'onsite_required',
  extend: 'extended',
  rate: 'rated',
  returnVisit: 'return_visited',
  sendBack: 'returned',
  confirmTransfer: 'transfer_confirmed',
  fastTrack: 'fast_tracked',
  fastDispatch: 'fast_track_dispatched',
  staffCheckIn: 'checked_in', // the same arrival as the shop's: it stops the 90-minute clock
  fastTrackFeedback: 'fast_track_feedback',
  concludeReport: 'closed',
  answerComplainant: 'answered_complainant',
  notifyCaseNumber: 'case_number_sent',
  suspend: 'mediation_suspended',
  resume: 'mediation_resumed',
} as const satisfies Record<CaseAction, string>
