import type { EventType } from '../case.schema'
import type { NotifyRole } from './template-keys'

// What each step of a case says, written once per event and combined with who is being told
// (templates.ts). `happened` completes a sentence whose subject is the case, e.g.
// "您的投诉（KS-…）" + "已受理" (or "，商家已答复…" when the clause has its own subject). `next` is what
// the reader should do now, only where it differs by role: a combination the workflow never sends (merchant.submitted) still reads correctly, just without it.
// Placeholders: {caseNo} {merchantName} {statusLabel} {dueAt} {clockLabel} {note};
// a [[segment]] is left out when a placeholder in it has no value.
export interface EventCopy {
  title: string
  titleFor?: Partial<Record<NotifyRole, string>>
  happened: string
  happenedFor?: Partial<Record<NotifyRole, string>>
  next?: Partial<Record<NotifyRole, string>>
}

// Partial on purpose: an event type added to EVENT_TYPES before its words are written here falls back
// to its timeline label (labels.ts) instead of breaking the build; a test lists any that lack copy.
export const EVENT_COPY: Partial<Record<EventType, EventCopy>> = {
  submitted: {
    title: '收到新投诉',
    titleFor: { consumer: '投诉已提交' },
    happened: '已提交，等待受理',
    next: { consumer: '维权站将在24小时内告知您是否受理。', station: '请在24小时内告知投诉人是否受理。' },
  },
  accepted: {
    title: '投诉已受理',
    happened: '已受理',
    next: { consumer: '维权站将通知商家处理，请留意后续进展。', merchant: '维权站将转交贵店处理，请留意。' },
  },
  rejected: {
    title: '投诉不予受理',
    happened: '不予受理',
    next: { consumer: '原因见下方说明；如有疑问，可拨打12315咨询。' },
  },
  transferred: {
    title: '投诉已转办',
    happened: '已转交有管辖权的单位处理',
    next: { consumer: '后续将由该单位与您联系。', station: '本站为接收单位的，请尽快决定是否受理；不属于本站的，请退回并说明理由。' },
  },
  returned: {
    title: '转办案件被退回',
    happened: '被接收单位退回[[：{note}]]',
    next: { station: '请在2小时内答复投诉人，并重新决定是否受理。' },
  },
  transfer_confirmed: {
    title: '移送已确认',
    happened: '已由接收单位确认收到',
    next: { consumer: '后续将由接收单位依法处理并与您联系。' },
  },
  dispatched: {
    title: '投诉已转商家处理',
    titleFor: { merchant: '新投诉待处理' },
    happened: '已转商家处理',
    next: {
      merchant: '请尽快联系消费者并提出处理方案[[，答复期限：{dueAt}]]。',
      consumer: '商家将尽快与您联系。',
    },
  },
  answered: {
    title: '商家已答复',
    happened: '，商家已答复并提出处理方案',
    next: { consumer: '请在“我的投诉”中查看方案，选择接受或不接受。' }, // the same words in WeChat and on the web
  },
  checked_in: {
    title: '商家已到场',
    happened: '，商家已到场处置',
    next: { consumer: '请与现场处置人员沟通。' },
  },
  offer_accepted: {
    title: '消费者接受方案',
    titleFor: { consumer: '已接受商家方案' },
    happened: '，消费者已接受商家的处理方案',
    happenedFor: { consumer: '，您已接受商家的处理方案' },
    next: { merchant: '请按承诺履行方案。' },
  },
  offer_refused: {
    title: '消费者未接受方案',
    titleFor: { consumer: '未接受商家方案' },
    happened: '，消费者未接受商家的处理方案',
    happenedFor: { consumer: '，您未接受商家的处理方案' },
    next: { station: '请安排调解。', merchant: '维权站将介入调解，请配合。' },
  },
  escalated: {
    title: '转维权站调解',
    happened: '已转维权站调解',
    next: {
      consumer: '维权站将尽快组织调解。',
      merchant: '维权站将联系贵店了解情况，请配合。',
      station: '请尽快组织调解。',
    },
  },
  station_mediation: {
    title: '维权站介入调解',
    happened: '维权站已介入调解',
    next: {
      consumer: '维权站将尽快组织调解。',
      merchant: '维权站将联系贵店了解情况，请配合。',
    },
  },
  mediated: {
    title: '调解成功',
    happened: '调解成功',
    next: { consumer: '如商家未按协议履行，请拨打维权站电话告诉我们。', merchant: '请按调解协议履行。' },
  },
  mediation_ended: {
    title: '终止调解',
    happened: '已终止调解',
    next: { consumer: '双方未能达成一致，您可依法通过仲裁或诉讼等途径维权。' },
  },
  mediation_suspended: {
    title: '调解中止',
    happened: '的调解已中止[[：{note}]]，调解期限暂停计算',
    next: { consumer: '中止原因消除后，维权站将恢复调解并通知您。', merchant: '中止原因消除后，维权站将恢复调解。' },
  },
  mediation_resumed: {
    title: '恢复调解',
    happened: '已恢复调解，调解期限按中止前剩余的时间继续计算',
  },
  case_number_sent: {
    title: '已告知案件编号',
    happened: '的案件编号及预计办理时限已告知投诉人',
  },
  answered_complainant: {
    title: '维权站答复',
    happened: '，维权站已答复您[[：{note}]]',
  },
  closed: {
    title: '投诉已办结',
    happened: '已办结',
    next: { consumer: '感谢您的耐心，请对本次处理进行评价。' },
  },
  withdrawn: {
    title: '投诉已撤回',
    happened: '已由消费者撤回',
    happenedFor: { consumer: '已撤回' },
  },
  reopened: {
    title: '投诉重新处理',
    happened: '因回访不满意，重新进入处理',
    next: { station: '请尽快重新处理。', merchant: '请配合维权站重新处理。' },
  },
  onsite_required: {
    title: '需要到场处置',
    happened: '需要现场处置',
    next: { merchant: '请尽快到场[[（时限：{dueAt}）]]。', station: '请安排人员到场。' },
  },
  extended: {
    title: '办理期限延长',
    happened: '的办理期限已延长[[至{dueAt}]]',
  },
  rated: {
    title: '消费者已评价',
    happened: '，消费者已完成评价',
    happenedFor: { consumer: '的评价已收到' },
    next: { consumer: '感谢您的反馈。' },
  },
  return_visited: {
    title: '回访已完成',
    happened: '已完成回访',
    next: { consumer: '感谢您配合回访。' },
  },
  // 快速响应 (workflow/fast-track.ts)
  fast_tracked: {
    title: '已启动快速响应',
    happened: '已启动快速响应',
    next: { consumer: '工作人员将尽快到场处置，请保持电话畅通。' },
  },
  fast_track_dispatched: {
    title: '快速响应已派单',
    happened: '已派单，需要到场处置',
    next: {
      merchant: '维权站已启动快速响应，请配合现场处置；如由贵店代表到场，请到场后在系统中签到。',
      station: '到场人员须在时限内到场签到。',
    },
  },
  fast_track_feedback: {
    title: '快反处置已反馈',
    happened: '的快速响应处置情况已反馈',
  },
  // staff correcting the industry line (case-industry.ts) sends nobody a message; these words are for completeness
  industry_changed: {
    title: '所属行业已更改',
    happened: '的所属行业已更改',
  },
}

/** How the case is named to each reader: the consumer's own, the merchant's shop, a case on the board. */
export const SUBJECT_FOR: Record<NotifyRole, string> = {
  consumer: '您的投诉（{caseNo}）',
  merchant: '涉及贵店的投诉（{caseNo}）',
  station: '投诉{caseNo}[[（{merchantName}）]]',
  regulator: '辖区投诉{caseNo}[[（{merchantName}）]]',
}
