import type { Case, CaseEvent, OutboxMessage } from '../../src/domain/case.schema'
import type { Role } from '../../src/domain/identity'
import type { CaseAction } from '../../src/domain/workflow/transitions'
import type { Deps } from './context'

// Who hears about each step. Rows go into the outbox with the change; a dispatcher sends them.
const AUDIENCE: Record<CaseAction, readonly Role[]> = {
  accept: ['consumer'],
  reject: ['consumer'],
  transfer: ['consumer'],
  dispatch: ['merchant'],
  answer: ['consumer'],
  checkIn: ['consumer', 'station'],
  acceptOffer: ['merchant'],
  refuseOffer: ['merchant', 'station'],
  escalate: ['station', 'merchant'],
  mediate: ['consumer', 'merchant'],
  endMediation: ['consumer', 'merchant'],
  close: ['consumer', 'merchant'],
  withdraw: ['merchant', 'station'],
  reopen: ['station', 'merchant'],
  requireOnSite: ['merchant'],
  extend: ['consumer'],
  rate: ['station'],
  returnVisit: ['consumer'],
  sendBack: ['station'], // the site the case comes back to (a move's sender, or the site that sent it out)
  confirmTransfer: ['consumer'],
  fastTrack: ['consumer'], // the shopper learns someone is coming
  fastDispatch: ['merchant', 'station'], // the shop hears it when its representative goes (never for a report: audienceFor)
  staffCheckIn: ['station'], // the dispatcher; the shopper sees it on the timeline (the check-in copy speaks of the shop)
  fastTrackFeedback: ['station'],
  concludeReport: ['consumer'], // the reporter only: a report is never the shop's business
  answerComplainant: ['consumer'], // what the station said is on their timeline too
  notifyCaseNumber: [],
  suspend: ['consumer', 'merchant'], // both parties wait for the same thing
  resume: ['consumer', 'merchant'],
}

export function recipientId(c: Pick<Case, 'filedBy' | 'merchantId' | 'siteId'>, role: Role): string {
  if (role === 'consumer') return c.filedBy
  if (role === 'merchant') return c.merchantId
  return c.siteId // station and regulator hear about their site
}

/** Who of these may hear about this case: a report does not go to the merchant at all. */
export function audienceFor(c: Pick<Case, 'kind'>, roles: readonly Role[]): Role[] {
  return roles.filter((role) => !(c.kind === 'report' && role === 'merchant'))
}

/** `also`: who hears besides the step's usual audience (the receiving site of a transfer within the system) */
export function notificationsFor(deps: Deps, c: Case, action: CaseAction, event: CaseEvent, also: readonly Role[] = []): OutboxMessage[] {
  return audienceFor(c, [...new Set([...AUDIENCE[action], ...also])]).map((role) => ({
    id: deps.ids.newId(),
    caseId: c.id,
    eventId: event.id,
    recipient: { role, id: recipientId(c, role) },
    template: `${role}.${event.type}`,
    createdAt: event.at,
  }))
}
