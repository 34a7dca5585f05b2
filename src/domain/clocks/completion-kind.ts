import type { ProblemType } from '../classification'
import type { CompletionKind } from './clock-rules'

// How long a case may take follows from what it is about (goods 5, services 7 working days);
// what fits neither is "ordinary". The station may say "complex" when it accepts the case.
const GOODS: readonly ProblemType[] = ['质量', '无理由退货', '食品安全', '安全隐患']
const SERVICES: readonly ProblemType[] = ['售后服务', '服务态度', '预付式消费', '合同']

export function completionKindOf(problemType: ProblemType): CompletionKind {
  if (GOODS.includes(problemType)) return 'goods'
  if (SERVICES.includes(problemType)) return 'services'
  return 'ordinary'
}
