import type { Metrics } from '../metrics/group'
import { formatFen } from '../money'
import type { ReportBlock } from './report-document'

// The figures block both reports open with: the metric definitions of src/domain/metrics, read as the
// station reads them (a rate with nothing to count says 无数据, never 0 %).

/** The month's or quarter's figures: 受理量, response, completion, overdue, settlement, satisfaction, money. */
export function figuresBlock(m: Metrics | null): ReportBlock {
  if (!m) return { kind: 'paragraph', text: '本期没有收到投诉举报。' }
  return {
    kind: 'figures',
    items: [
      { label: '收到投诉举报', value: `${m.volume} 件` },
      { label: '24小时内告知受理率', value: m.response24h.label },
      { label: '按期办结率', value: m.completionOnTime.label },
      { label: '超期率', value: m.overdue.label },
      { label: '延期率', value: m.extension.label },
      { label: '自行和解率', value: m.selfSettlement.label },
      { label: '调解成功率', value: m.mediationSuccess.label },
      { label: '满意率', value: m.satisfaction.label },
      { label: '回访完成率', value: m.returnVisits.label },
      { label: '挽回经济损失', value: formatFen(m.moneyRecoveredFen) },
    ],
  }
}

/** "2026-03" → 2026年3月; "2026-Q1" → 2026年第一季度 */
export function periodTitle(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`
  const m = /^(\d{4})-(\d{2})$/.exec(period)
  return m ? `${m[1]}年${Number(m[2])}月` : period
}
