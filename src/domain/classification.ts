// How a complaint is classified (docs/domain.md "Classification"). Codes are stable; labels are what people read.
export const DEMANDS = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'other'] as const
export type Demand = (typeof DEMANDS)[number]
export const DEMAND_LABELS: Record<Demand, string> = {
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  compensation: '赔偿',
  apology: '道歉',
  other: '其他',
}

export const PROBLEM_TYPES = [
  '质量',
  '售后服务',
  '合同',
  '虚假宣传/广告',
  '价格',
  '食品安全',
  '预付式消费',
  '无理由退货',
  '个人信息',
  '安全隐患',
  '服务态度',
  '其他',
] as const
export type ProblemType = (typeof PROBLEM_TYPES)[number]

export const CASE_KIND_LABELS = { complaint: '投诉', report: '举报' } as const
