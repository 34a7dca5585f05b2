import type { MetricsView } from './stats-view.schema'

// The rates' names, in the order the page, the statistics workbook and the reports show them: one list, so
// a figure is called the same on the screen and on paper.
export type RateKey =
  | 'response24h'
  | 'initialCheck'
  | 'completionOnTime'
  | 'overdue'
  | 'merchant45'
  | 'onSite90'
  | 'selfSettlement'
  | 'mediationSuccess'
  | 'satisfaction'
  | 'extension'
  | 'returnVisits'

export const RATE_LABELS: readonly (readonly [RateKey & keyof MetricsView, string])[] = [
  ['response24h', '24小时响应率'],
  ['initialCheck', '按时初查率'],
  ['completionOnTime', '按期办结率'],
  ['overdue', '超期率'],
  ['merchant45', '商家45分钟响应率'],
  ['onSite90', '90分钟到场率'],
  ['selfSettlement', '自行和解率'],
  ['mediationSuccess', '调解成功率'],
  ['satisfaction', '满意率'],
  ['extension', '延期率'],
  ['returnVisits', '回访完成率'],
]
