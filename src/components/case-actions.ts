import type { CaseAction } from '../domain/workflow/transitions'
import { TRANSITIONS } from '../domain/workflow/transitions'

// The words on each step's button, and what a step asks before it is taken. The server decides
// WHICH steps a viewer may take (CaseDetail.actions); this only says how each one is worded and
// which form (if any) opens first.
export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  reject: '不予受理',
  transfer: '转办',
  dispatch: '转商家处理',
  answer: '商家答复',
  checkIn: '已到场',
  acceptOffer: '接受商家方案',
  refuseOffer: '不接受（申请调解）',
  escalate: '转入调解',
  mediate: '调解成功',
  endMediation: '终止调解',
  close: '办结',
  withdraw: '撤回投诉',
  reopen: '重新处理',
  requireOnSite: '要求商家到场',
  extend: '延期办结',
  rate: '评价本次处理',
  returnVisit: '回访',
  sendBack: '退回',
  confirmTransfer: '记录移送回执',
  fastTrack: '快速响应',
  fastDispatch: '快反派单',
  staffCheckIn: '快反队员已到场',
  fastTrackFeedback: '快反处置反馈',
  concludeReport: '举报办结',
  answerComplainant: '已答复投诉人',
  notifyCaseNumber: '已告知案件编号',
  suspend: '中止调解',
  resume: '恢复调解',
}

/**
 * The form a step opens: `text` asks for a reason, `confirm` asks once more, the others are their
 * own forms (the merchant's offer, the shopper's rating, the return-visit questions, the case type
 * on accepting). null: the step is taken at the tap.
 */
export type StepFormKind =
  'text' | 'confirm' | 'offer' | 'rating' | 'returnVisit' | 'accept' | 'agreement' | 'suspension' | 'notAccepted' | 'transfer'

const OWN_FORMS: Partial<Record<CaseAction, StepFormKind>> = {
  answer: 'offer',
  rate: 'rating',
  returnVisit: 'returnVisit',
  accept: 'accept',
  mediate: 'agreement', // 调解成功: the terms, the amount and the day to perform
  reject: 'notAccepted', // 不予受理: the ground and the station's words (not-accepted-form.tsx)
  transfer: 'transfer', // 转办: where to (transfer-form.tsx)
  suspend: 'suspension', // 中止调解: the ground, and words for 其他 (suspension-form.tsx)
}

/** The label of the text a step asks for. */
const TEXT_LABELS: Partial<Record<CaseAction, string>> = {
  reject: '不予受理的原因',
  sendBack: '退回原因（为什么不属于本单位管辖）',
  transfer: '转办原因（转给哪个单位、为什么）',
  escalate: '转入调解的原因',
  endMediation: '终止调解的原因',
  reopen: '重新处理的原因',
  refuseOffer: '不接受的原因',
  extend: '延期原因（为什么需要更多时间）',
  answerComplainant: '答复内容（告诉投诉人了什么）',
  resume: '恢复调解的说明（如：检验报告已出具）',
}

/** Steps that cannot be undone by the person taking them: ask once more. */
const CONFIRMS: Partial<Record<CaseAction, string>> = {
  withdraw: '撤回后维权站将不再处理这条投诉，且不能恢复。确定要撤回吗？',
}

/** The submit button of a step's form, when "确认" + the step's name would read badly. */
const SUBMIT_LABELS: Partial<Record<CaseAction, string>> = {
  answer: '提交答复',
  rate: '提交评价',
  returnVisit: '提交回访记录',
  mediate: '下一步：确认协议',
}

/**
 * Steps nobody can take back (issue 16): before they are sent a dialog says what will follow. For a
 * step with a form (调解成功's agreement) the dialog comes after the form, with what was filled in.
 */
export interface Consequence {
  title: string
  message: string
  confirmLabel: string
}
const CONSEQUENCES: Partial<Record<CaseAction, Consequence>> = {
  reject: {
    title: '确认不予受理？',
    message: '不予受理后案件结束，不能撤销。投诉人会看到理由和可以去哪里解决。',
    confirmLabel: '确认不予受理',
  },
  transfer: {
    title: '确认转办？',
    message: '转给系统内其他站点的，案件连同全部记录移交对方，本站不能再查看；移送其他单位的，请打印移送函，收到回执后记录。',
    confirmLabel: '确认转办',
  },
  confirmTransfer: {
    title: '确认已收到移送回执？',
    message: '记录后移送时限停止计时，不能撤销。跨区域转办的，表示已经移送。',
    confirmLabel: '确认记录',
  },
  acceptOffer: {
    title: '确认接受商家方案？',
    message: '接受后，这条投诉按商家方案和解，不能再申请调解，也不能撤回。维权站随后办结。',
    confirmLabel: '确认接受',
  },
  close: {
    title: '确认办结？',
    message: '办结后案件结束，不能撤销：不能再转商家、调解或延期。消费者可以评价；只有评价不满意并经回访，才能重新处理一次。',
    confirmLabel: '确认办结',
  },
  mediate: {
    title: '确认调解成功？',
    message: '调解协议将记入案件记录，之后不能修改。消费者和商家都会看到这份协议，商家须在履行日期前按协议履行。',
    confirmLabel: '确认调解成功',
  },
  dispatch: {
    title: '确认转商家处理？',
    message: '转交后不能撤回：商家立即收到通知，商家的响应时限（一般为45分钟）从现在开始计时。',
    confirmLabel: '确认转交',
  },
}
export const consequenceOf = (action: CaseAction): Consequence | null => CONSEQUENCES[action] ?? null

/** What the panel says once a step went through (已办结, 商家已答复…): not every label reads well after 已. */
const DONE_LABELS: Partial<Record<CaseAction, string>> = {
  answer: '已提交答复',
  checkIn: '已签到，商家已到场',
  acceptOffer: '已接受商家方案',
  refuseOffer: '已申请调解',
  mediate: '已记录调解成功',
  withdraw: '已撤回投诉',
  rate: '已提交评价',
  returnVisit: '已记录回访',
  extend: '已延期',
  sendBack: '已退回',
  confirmTransfer: '已记录移送回执',
}
/** A label that already says 已 (已到场, 已答复投诉人, 快反队员已到场) is its own done text: never 已已 or 已…已 */
export const doneTextOf = (action: CaseAction) =>
  DONE_LABELS[action] ?? (ACTION_LABELS[action].includes('已') ? ACTION_LABELS[action] : `已${ACTION_LABELS[action]}`)

export function formOf(action: CaseAction): StepFormKind | null {
  if (OWN_FORMS[action]) return OWN_FORMS[action]
  if (TRANSITIONS[action].needsReason || action in TEXT_LABELS) return 'text'
  return CONFIRMS[action] ? 'confirm' : null
}

export const textLabelOf = (action: CaseAction) => TEXT_LABELS[action] ?? '原因'
export const confirmOf = (action: CaseAction) => CONFIRMS[action] ?? null
export const submitLabelOf = (action: CaseAction) => SUBMIT_LABELS[action] ?? `确认${ACTION_LABELS[action]}`
