import type { CaseAction } from '../domain/workflow/transitions'
import { TRANSITIONS } from '../domain/workflow/transitions'

// The words on each step's button, and what a step asks before it is taken. The server decides
// WHICH steps a viewer may take (CaseDetail.actions); this only says how each one is worded.
export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  reject: '不予受理',
  transfer: '转办',
  dispatch: '转商家处理',
  answer: '商家答复',
  checkIn: '已到场',
  acceptOffer: '接受商家方案',
  refuseOffer: '不接受，申请调解',
  escalate: '转入调解',
  mediate: '调解成功',
  endMediation: '终止调解',
  close: '办结',
  withdraw: '撤回投诉',
  reopen: '重新处理',
  requireOnSite: '要求商家到场',
  extend: '延期办结',
  rate: '评价',
  returnVisit: '回访',
}

/** The label of the text a step asks for. Steps not listed here and not needing a reason ask nothing. */
const TEXT_LABELS: Partial<Record<CaseAction, string>> = {
  reject: '不予受理的原因',
  transfer: '转办原因（转给哪个单位、为什么）',
  escalate: '转入调解的原因',
  endMediation: '终止调解的原因',
  reopen: '重新处理的原因',
  refuseOffer: '不接受的原因',
  // the merchant's offer is recorded as the note of the 'answered' event: the consumer reads it
  answer: '商家方案（如：全额退款128元并道歉）',
}

/** Steps that write text but whose rule does not demand it: the page demands it itself. */
const TEXT_REQUIRED_HERE: Partial<Record<CaseAction, string>> = { answer: '请填写处理方案' }

/** Steps that cannot be undone by the person taking them: ask once more. */
const CONFIRMS: Partial<Record<CaseAction, string>> = {
  withdraw: '撤回后维权站将不再处理这条投诉，且不能恢复。确定要撤回吗？',
}

export interface ActionNeeds {
  /** label of the text field, or null when the step takes no text */
  textLabel: string | null
  /** message shown before sending when the page itself requires the text (the server requires reasons) */
  requiredMessage: string | null
  confirm: string | null
}

export function needsOf(action: CaseAction): ActionNeeds {
  const wantsText = TRANSITIONS[action].needsReason || action in TEXT_LABELS
  return {
    textLabel: wantsText ? (TEXT_LABELS[action] ?? '原因') : null,
    requiredMessage: TEXT_REQUIRED_HERE[action] ?? null,
    confirm: CONFIRMS[action] ?? null,
  }
}
