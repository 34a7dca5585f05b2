import type { Metrics } from '../metrics/group'
import type { ReportDocument } from './report-document'
import { figuresBlock, periodTitle } from './report-figures'

// 月度工作动态: the month's figures, the cases that ran past a deadline (and why, from their timeline),
// and what return visits found wrong. The service gathers the facts (services/exports/monthly-report.ts);
// this only words them.

export interface OverdueCase {
  caseNo: string
  merchantName: string
  /** the promise that ran out (clock-rules label): 办结, 告知是否受理, 调解期限 … */
  promise: string
  /** "2026年3月12日 17:00" */
  dueAt: string
  /** 逾期未办 (still open past it) or 逾期办结 (kept, but late) */
  result: string
  /** why, as the timeline shows it: where the case stood at the due time */
  reason: string
}

export interface VisitProblem {
  caseNo: string
  merchantName: string
  /** "2026年3月5日" */
  visitedAt: string
  /** what the four questions found: 不知道处理结果, 商家未履行承诺, 不满意, and the notes */
  problems: string
}

export interface MonthlyReportInput {
  /** the site's name, or 全部站点 */
  siteName: string
  /** "2026-03" */
  month: string
  /** the month's figures; null when nothing reached us */
  figures: Metrics | null
  overdue: readonly OverdueCase[]
  visitProblems: readonly VisitProblem[]
  /** "2026年4月1日 09:00": when it was printed, on every page's foot */
  printedAt: string
}

export function monthlyReport(input: MonthlyReportInput): ReportDocument {
  const month = periodTitle(input.month)
  return {
    title: `${month}工作动态`,
    subtitle: `${input.siteName} · 消费者权益保护工作站`,
    footer: `${input.siteName} ${month}工作动态 · 打印于 ${input.printedAt}`,
    blocks: [
      { kind: 'heading', text: '一、本月数据' },
      figuresBlock(input.figures),
      { kind: 'heading', text: '二、超期案件及原因' },
      {
        kind: 'table',
        columns: ['案件编号', '被投诉方', '超期环节', '期限', '结果', '原因'],
        widths: [1.3, 1.2, 0.8, 1.2, 0.8, 1.8],
        rows: input.overdue.map((o) => [o.caseNo, o.merchantName, o.promise, o.dueAt, o.result, o.reason]),
        empty: '本月没有超期案件',
      },
      { kind: 'heading', text: '三、回访发现的问题' },
      {
        kind: 'table',
        columns: ['案件编号', '被投诉方', '回访日期', '发现的问题'],
        widths: [1.3, 1.2, 1, 2.5],
        rows: input.visitProblems.map((v) => [v.caseNo, v.merchantName, v.visitedAt, v.problems]),
        empty: '本月回访没有发现问题',
      },
    ],
  }
}
