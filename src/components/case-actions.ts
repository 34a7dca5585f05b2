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
}

/**
 * The form a step opens: `text` asks for a reason, `confirm` asks once more, the others are their
 * own forms (the merchant's offer, the shopper's rating, the return-visit questions, the case type
 * on accepting). null: the step is taken at the tap.
 */
export type StepFormKind = 'text' | 'confirm' | 'offer' | 'rating' | 'returnVisit' | 'accept'

const OWN_FORMS: Partial<Record<CaseAction, StepFormKind>> = {
  answer: 'offer',
  rate: 'rating',
  returnVisit: 'returnVisit',
  accept: 'accept',
}

/** The label of the text a step asks for. */
const TEXT_LABELS: Partial<Record<CaseAction, string>> = {
  reject: '不予受理的原因',
  transfer: '转办原因（转给哪个单位、为什么）',
  escalate: '转入调解的原因',
  endMediation: '终止调解的原因',
  reopen: '重新处理的原因',
  refuseOffer: '不接受的原因',
  extend: '延期原因（为什么需要更多时间）',
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
}

export function formOf(action: CaseAction): StepFormKind | null {
  if (OWN_FORMS[action]) return OWN_FORMS[action]
  if (TRANSITIONS[action].needsReason || action in TEXT_LABELS) return 'text'
  return CONFIRMS[action] ? 'confirm' : null
}

export const textLabelOf = (action: CaseAction) => TEXT_LABELS[action] ?? '原因'
export const confirmOf = (action: CaseAction) => CONFIRMS[action] ?? null
export const submitLabelOf = (action: CaseAction) => SUBMIT_LABELS[action] ?? `确认${ACTION_LABELS[action]}`
