import type { Role } from '../identity'
import type { ClockSettings } from './clock-settings'

export type { ClockSettings } from './clock-settings'

// Every promise the 12315 system makes, as data (docs/domain.md "The clocks"). Numbers are defaults;
// a site may override the amount of any clock (ClockSettings). Which events start and stop each
// clock is named here so a case's clocks can be re-derived from its timeline.
export const CLOCK_IDS = [
  'merchant_response', // 商家45分钟响应
  'on_site', // 90分钟到场 (when the case needs it)
  'first_answer', // 24小时内告知是否受理
  'accept_decision', // 7个工作日内决定是否受理
  'completion', // 办结：商品5 / 服务7 / 一般7 / 复杂15 个工作日
  'mediation', // 调解45个工作日
  'transfer_back', // 非本单位管辖20小时内退回
  'answer_after_return', // 退回后2小时内答复投诉人
  'return_visit', // 办结后3–5个工作日内回访
  'fast_track_dispatch', // 快速响应：15分钟内派单给快反队伍 (workflow/fast-track.ts)
  'fast_track_response', // 快速响应：派单后45分钟内响应
  'fast_track_feedback', // 快速响应：办结后24小时内向派单人反馈
  'handover_department', // 移送其他部门：5个工作日内收到回执 (transfer.ts)
  'handover_police', // 涉嫌犯罪移送公安：3个工作日内收到回执
  'cross_region_transfer', // 跨区域转办：48小时内移送
  'initial_review', // 1小时内初查
  'case_number', // 2小时内告知投诉人案件编号及预计办理时限
  'callback_sample', // 每月10日前完成上月30%抽查回访 (callback/callback-due.ts)
] as const
export type ClockId = (typeof CLOCK_IDS)[number]

export type ClockUnit = 'minutes' | 'hours' | 'working_days'

/** Completion time depends on what the case is about. */
export const COMPLETION_KINDS = ['goods', 'services', 'ordinary', 'complex'] as const
export type CompletionKind = (typeof COMPLETION_KINDS)[number]

export interface ClockRule {
  id: ClockId
  label: string
  unit: ClockUnit
  amount: number
  /** event types that start the clock */
  startOn: readonly string[]
  /** event types that stop it (the promise was kept) */
  stopOn: readonly string[]
  /** fraction of the time after which a reminder (提醒卡) goes out */
  remindAt: number
  /** fraction after which the urging notice (催办卡) goes out and the card turns yellow */
  urgeAt: number
  /** who hears about it, in order, as it escalates: first at the reminder, the last when red */
  escalation: readonly Role[]
  /** starts only on a fast-track case (its start event, 'closed', happens to every case): fast-track.ts */
  onlyFastTrack?: boolean
}

const MERCHANT_CHAIN: readonly Role[] = ['merchant', 'station', 'regulator']
const STATION_CHAIN: readonly Role[] = ['station', 'regulator']

export const DEFAULT_CLOCK_RULES: Record<ClockId, ClockRule> = {
  // 快速响应 (workflow/fast-track.ts): 15 minutes to dispatch, 45 to respond, 90 on site (on_site), and
  // 24 hours after closing for the team's report back to the dispatcher
  fast_track_dispatch: {
    id: 'fast_track_dispatch',
    label: '快反派单',
    unit: 'minutes',
    amount: 15,
    startOn: ['fast_tracked'],
    stopOn: ['fast_track_dispatched', 'rejected', 'transferred', 'closed', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  fast_track_response: {
    id: 'fast_track_response',
    label: '快反响应',
    unit: 'minutes',
    amount: 45,
    startOn: ['fast_track_dispatched'],
    stopOn: ['checked_in', 'answered', 'rejected', 'transferred', 'closed', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  fast_track_feedback: {
    id: 'fast_track_feedback',
    label: '快反反馈',
    unit: 'hours',
    amount: 24,
    startOn: ['closed'],
    stopOn: ['fast_track_feedback', 'reopened'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
    onlyFastTrack: true,
  },
  merchant_response: {
    id: 'merchant_response',
    label: '商家响应',
    unit: 'minutes',
    amount: 45,
    startOn: ['dispatched'], // or the filing itself, for a shop that signed (direct-to-merchant.ts)
    stopOn: ['answered', 'escalated', 'station_mediation', 'rejected', 'transferred', 'closed', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: MERCHANT_CHAIN,
  },
  on_site: {
    id: 'on_site',
    label: '到场处置',
    unit: 'minutes',
    amount: 90,
    startOn: ['onsite_required', 'fast_track_dispatched'], // the station's request, or a fast-track dispatch
    stopOn: ['checked_in', 'rejected', 'transferred', 'closed', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: MERCHANT_CHAIN,
  },
  first_answer: {
    id: 'first_answer',
    label: '告知是否受理',
    unit: 'hours',
    amount: 24,
    startOn: ['submitted'],
    stopOn: ['accepted', 'rejected', 'transferred', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  accept_decision: {
    id: 'accept_decision',
    label: '受理决定',
    unit: 'working_days',
    amount: 7,
    startOn: ['submitted'],
    stopOn: ['accepted', 'rejected', 'transferred', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  completion: {
    id: 'completion',
    label: '办结',
    unit: 'working_days',
    amount: 7,
    startOn: ['accepted', 'reopened'],
    stopOn: ['closed', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  mediation: {
    id: 'mediation',
    label: '调解期限',
    unit: 'working_days',
    amount: 45,
    // mediation starts when the case enters 调解中, and each way in is already its own event (the shop's
    // clock ran out, the station stepped in, the shopper refused the offer): a second "mediation_started"
    // event would only repeat what the timeline says (docs/domain.md "The clocks")
    startOn: ['escalated', 'station_mediation', 'offer_refused'],
    stopOn: ['mediated', 'mediation_ended', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  transfer_back: {
    id: 'transfer_back',
    label: '退回非管辖案件',
    unit: 'hours',
    amount: 20,
    startOn: ['submitted'],
    stopOn: ['accepted', 'transferred', 'rejected', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  answer_after_return: {
    id: 'answer_after_return',
    label: '退回后答复投诉人',
    unit: 'hours',
    amount: 2,
    startOn: ['returned'],
    stopOn: ['answered_complainant', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  return_visit: {
    id: 'return_visit',
    label: '回访',
    unit: 'working_days',
    amount: 5,
    startOn: ['closed'],
    stopOn: ['return_visited', 'reopened'],
    remindAt: 0.6,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  // 初查: the station's first look (is it ours, is it complete) — kept by its first decision on the case
  initial_review: {
    id: 'initial_review',
    label: '初查',
    unit: 'hours',
    amount: 1,
    startOn: ['submitted'],
    stopOn: ['accepted', 'rejected', 'transferred', 'station_mediation', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  // an online filing shows its number on the receipt, so the clock is met at the filing
  // (case-number-clock.ts); a case staff type in for a caller or a hand-over runs it until they say so
  case_number: {
    id: 'case_number',
    label: '告知案件编号',
    unit: 'hours',
    amount: 2,
    startOn: ['submitted'],
    stopOn: ['case_number_sent', 'withdrawn'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  // 回访抽查: started for each sampled case by the monthly draw, not by an event; due by the 10th (moved to
  // the next working day when the 10th is off, callback/callback-due.ts). Recording the call-back, or
  // that the person could not be reached after three tries, stops it (services/callback/)
  callback_sample: {
    id: 'callback_sample',
    label: '抽查回访',
    unit: 'working_days',
    amount: 7, // nominal: the due instant is computed by callbackDue, never from this amount
    startOn: [],
    stopOn: [],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  // 转办 with a destination (transfer.ts): each starts on `transferred`, and the transfer keeps only its
  // destination's (keepDestinationClock); recording the receipt (or the sending) stops it, so does a 退回
  handover_department: {
    id: 'handover_department',
    label: '移送其他部门',
    unit: 'working_days',
    amount: 5,
    startOn: ['transferred'],
    stopOn: ['transfer_confirmed', 'returned'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  handover_police: {
    id: 'handover_police',
    label: '移送公安机关',
    unit: 'working_days',
    amount: 3,
    startOn: ['transferred'],
    stopOn: ['transfer_confirmed', 'returned'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
  cross_region_transfer: {
    id: 'cross_region_transfer',
    label: '跨区域转办',
    unit: 'hours',
    amount: 48,
    startOn: ['transferred'],
    stopOn: ['transfer_confirmed', 'returned'],
    remindAt: 0.5,
    urgeAt: 0.8,
    escalation: STATION_CHAIN,
  },
}

/** Working days to finish, by what the case is about; complex cases may be extended once. */
export const COMPLETION_WORKING_DAYS: Record<CompletionKind, number> = { goods: 5, services: 7, ordinary: 7, complex: 15 }

/** Working days a complex case's completion may be extended by, once. */
export const DEFAULT_COMPLETION_EXTENSION = 15

export function ruleFor(id: ClockId, settings: ClockSettings = {}, completionKind: CompletionKind = 'ordinary'): ClockRule {
  const base = DEFAULT_CLOCK_RULES[id]
  const completion = settings.completion?.[completionKind] ?? COMPLETION_WORKING_DAYS[completionKind]
  const amounts: Partial<Record<ClockId, number>> = settings.amounts ?? {} // callback_sample has no amount to set
  const amount = id === 'completion' ? completion : (amounts[id] ?? base.amount)
  return { ...base, amount }
}
