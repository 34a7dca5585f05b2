import type { AlertStage } from './template-keys'

// Clock warnings go to whoever is next in the clock's escalation chain (merchant, station, regulator),
// so their words name the case and the duty, never "you" in a role-specific way.

/**
 * What keeping the promise means, said as a request. Keyed by plain string so a clock can be written
 * here before (or after) it joins CLOCK_IDS; a clock without a line falls back to FALLBACK_DUTY.
 */
export const CLOCK_DUTY: Readonly<Record<string, string>> = {
  merchant_response: '请尽快答复消费者。',
  on_site: '请尽快安排人员到场处置。',
  first_answer: '请尽快告知投诉人是否受理。',
  accept_decision: '请尽快作出是否受理的决定。',
  completion: '请抓紧办结。',
  mediation: '请推进调解；确实无法达成一致的，请依法终止调解。',
  transfer_back: '非本单位管辖的，请尽快退回并说明理由。',
  answer_after_return: '请尽快答复投诉人。',
  return_visit: '请尽快安排回访（回访人不得为原承办人）。',
  fast_track_dispatch: '快速响应案件请尽快派单给快反队员或商家代表。',
  fast_track_response: '快速响应案件请尽快响应并赶赴现场。',
  fast_track_feedback: '快速响应案件办结后，请快反队伍尽快向派单人反馈处置情况。',
  handover_department: '请尽快将移送函送达接收部门，收到回执后点击「记录移送回执」。',
  handover_police: '涉嫌犯罪的案件请尽快移送公安机关，收到回执后点击「记录移送回执」。',
  cross_region_transfer: '请尽快将案件移送外地市场监管部门，移送后点击「记录移送回执」。',
  initial_review: '请尽快完成初查，作出受理、不予受理或转办的决定。',
  case_number: '请尽快告知投诉人案件编号及预计办理时限，并点击「已告知案件编号」。',
  callback_sample: '请在期限前完成本月抽查回访（回访人不得为原办结人）；三次联系不上的，请记录为无法联系。',
}

export const FALLBACK_DUTY = '请及时处理。'

export interface StageCopy {
  /** 提醒卡 / 催办卡 / 红牌 */
  card: string
  title: string
  state: string
  closing?: string
}

export const STAGE_COPY: Record<AlertStage, StageCopy> = {
  reminded: { card: '提醒卡', title: '【提醒卡】{clockLabel}时限过半', state: '时限已过半[[，将于{dueAt}到期]]' },
  urged: { card: '催办卡', title: '【催办卡】{clockLabel}即将到期', state: '时限即将到期[[（{dueAt}）]]' },
  overdue: {
    card: '红牌',
    title: '【红牌】{clockLabel}已超时',
    state: '已超过时限[[（应于{dueAt}前完成）]]',
    closing: '超时情况已逐级通报。',
  },
}
