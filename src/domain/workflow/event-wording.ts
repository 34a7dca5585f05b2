import type { CaseKind, EventType } from '../case.schema'
import { EVENT_LABELS } from '../labels'
import type { EventDetails } from './event-details'
import { CHANNEL_LABELS } from '../intake-channel'
import { NOT_ACCEPTED_GROUNDS } from './not-accepted'
import { confirmWording, type TransferDestination } from './transfer'
import type { ActorRole } from './transitions'

/** What the timeline knows of one event when it puts it into words. */
export interface WordedEvent {
  type: EventType
  actorRole: ActorRole
  details: EventDetails | null
}

/** 转办's words by where the case went (transfer.ts). */
const TRANSFER_WORDS: Record<TransferDestination, string> = {
  site: '转至系统内其他站点办理',
  department: '移送其他行政部门处理',
  police: '涉嫌犯罪，移送公安机关',
  cross_region: '跨区域转办至外地市场监管部门',
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
      if (e.details?.kind === 'intake') return `${CHANNEL_LABELS[e.details.channel]}投诉` // 12345转办投诉 / 电话登记投诉 / 来访登记投诉
      return e.actorRole === 'proxy' ? '代为提交投诉' : EVENT_LABELS.submitted
    case 'checked_in':
      // a fast-track case's quick-response team member checks in, not the shop (fast-track.ts)
      return e.details?.kind === 'team_check_in' ? '快反队员已到场' : EVENT_LABELS.checked_in
    case 'withdrawn':
      return kind === 'report' ? '举报人撤回' : EVENT_LABELS.withdrawn
    case 'rejected':
      return e.details?.kind === 'not_accepted' ? `不予受理：${NOT_ACCEPTED_GROUNDS[e.details.reason].label}` : EVENT_LABELS.rejected
    case 'transferred':
      return e.details?.kind === 'transfer' ? TRANSFER_WORDS[e.details.destination] : EVENT_LABELS.transferred
    case 'transfer_confirmed':
      return e.details?.kind === 'transfer' ? confirmWording(e.details.destination) : EVENT_LABELS.transfer_confirmed
    default:
      return EVENT_LABELS[e.type]
  }
}
