import type { CaseKind, EventType } from '../case.schema'
import { EVENT_LABELS } from '../labels'
import type { EventDetails } from './event-details'
import type { ActorRole } from './transitions'

/** What the timeline knows of one event when it puts it into words. */
export interface WordedEvent {
  type: EventType
  actorRole: ActorRole
  details: EventDetails | null
}

/**
 * The words for one event, from what happened (issue 16.4): the type names the cause — the clock
 * running out (escalated) is another event than the station choosing to mediate (station_mediation)
 * — and where one type covers several facts, the event's own record picks the words: a report is
 * not a complaint, a filing that went straight to the shop says so. Every role reads the same words.
 */
export function eventWords(e: WordedEvent, kind: CaseKind = 'complaint'): string {
  switch (e.type) {
    case 'submitted':
      if (kind === 'report') return e.actorRole === 'proxy' ? '代为提交举报' : '提交举报'
      if (e.details?.kind === 'direct_to_merchant') return '提交投诉，已直接送达商家'
      return e.actorRole === 'proxy' ? '代为提交投诉' : EVENT_LABELS.submitted
    case 'checked_in':
      // a fast-track case's quick-response team member checks in, not the shop (fast-track.ts)
      return e.details?.kind === 'team_check_in' ? '快反队员已到场' : EVENT_LABELS.checked_in
    case 'withdrawn':
      return kind === 'report' ? '举报人撤回' : EVENT_LABELS.withdrawn
    default:
      return EVENT_LABELS[e.type]
  }
}
