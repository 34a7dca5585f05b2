import type { CaseStatus, EventType } from './case.schema'
import type { CompletionKind } from './clocks/clock-rules'
import type { Role } from './identity'

// Every word a person sees for a code lives here, so the app and the functions say the same thing.
export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: '已提交，待受理',
  accepted: '已受理',
  not_accepted: '不予受理',
  transferred: '已转办',
  with_merchant: '待商家处理',
  merchant_answered: '商家已答复',
  settled: '双方已和解',
  mediating: '调解中',
  mediated: '调解成功',
  mediation_ended: '终止调解',
  closed: '已办结',
  withdrawn: '已撤回',
}

export const EVENT_LABELS: Record<EventType, string> = {
  submitted: '提交投诉',
  accepted: '维权站已受理',
  rejected: '不予受理',
  transferred: '已转交有管辖权的单位',
  dispatched: '已转商家处理',
  answered: '商家已答复',
  checked_in: '商家已到场',
  offer_accepted: '消费者接受商家方案',
  offer_refused: '消费者不接受商家方案',
  escalated: '商家超时未响应，转维权站调解',
  station_mediation: '维权站介入调解',
  mediated: '调解成功',
  mediation_ended: '终止调解',
  closed: '已办结',
  withdrawn: '消费者撤回',
  reopened: '回访不满意，重新处理',
  onsite_required: '维权站要求商家到场处置',
  extended: '复杂案件，办结期限延长',
  rated: '消费者评价',
  return_visited: '维权站回访',
  returned: '转办被退回',
  transfer_confirmed: '已收到移送回执',
  fast_tracked: '启动快速响应',
  fast_track_dispatched: '快速响应已派单',
  fast_track_feedback: '快反队伍反馈处置情况',
  industry_changed: '更改所属行业',
  answered_complainant: '维权站已答复投诉人',
  case_number_sent: '已告知投诉人案件编号及办理时限',
  mediation_suspended: '调解中止，期限暂停计算',
  mediation_resumed: '恢复调解，期限继续计算',
}

export const ROLE_LABELS: Record<Role | 'system', string> = {
  consumer: '消费者',
  merchant: '商家',
  station: '维权站',
  proxy: '代帮办员',
  regulator: '市场监管',
  admin: '管理员',
  system: '系统',
}

/** What happens next, said to the person who just filed. */
export const NEXT_STEP_AFTER_SUBMIT = '24小时内告知是否受理'

/** How long a case may take, as the station chooses it on accepting. */
export const COMPLETION_KIND_LABELS = {
  goods: '商品类（5个工作日）',
  services: '服务类（7个工作日）',
  ordinary: '一般（7个工作日）',
  complex: '复杂（15个工作日，可延期一次）',
} as const satisfies Record<CompletionKind, string>
