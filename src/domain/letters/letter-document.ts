import type { ReportBlock, ReportDocument } from '../reports/report-document'
import type { AnalysisLetter } from './analysis-letter'

// The printed 消费投诉分析建议书: the letter's content laid out as a report document, drawn by the same
// PDF frame as the monthly and quarterly reports (cloudfunctions/adapters/exports/pdf-frame.ts).

export function letterDocument(letter: AnalysisLetter, printedAt: string): ReportDocument {
  const { merchant } = letter
  const none = letter.volume === 0
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${merchant.name}（商户编号 ${merchant.code}）：` },
    {
      kind: 'paragraph',
      text: none
        ? `${letter.periodLabel}，本站未收到针对贵单位的消费投诉。请继续保持。`
        : `${letter.periodLabel}，本站共受理针对贵单位的消费投诉 ${letter.volume} 件。现将投诉情况分析如下，并提出改进建议，请认真研究落实。`,
    },
    { kind: 'heading', text: '一、投诉问题分布' },
    {
      kind: 'table',
      columns: ['问题类别', '件数', '占比'],
      rows: letter.byProblem.map((p) => [p.problemType, String(p.volume), p.share]),
      empty: '本期没有投诉。',
    },
    { kind: 'heading', text: '二、响应、处理结果与满意度' },
    {
      kind: 'figures',
      items: [
        { label: '45分钟内响应（按承诺）', value: `${letter.response.met} 件` },
        { label: '超过承诺时限', value: `${letter.response.missed} 件` },
        { label: '45分钟内响应率', value: letter.response.rate },
        ...letter.outcomes.map((o) => ({ label: o.label, value: `${o.count} 件` })),
        { label: '参与评价', value: `${letter.satisfaction.rated} 件` },
        { label: '满意率', value: letter.satisfaction.rate },
      ],
    },
    { kind: 'heading', text: '三、主要问题与改进建议' },
    ...(letter.top.length === 0
      ? [{ kind: 'paragraph' as const, text: '本期没有需要改进的集中问题。' }]
      : letter.top.flatMap((p, i): ReportBlock[] => [
          { kind: 'paragraph', text: `${i + 1}. ${p.problemType}（${p.volume} 件，占 ${p.share}）` },
          ...p.advice.map((a): ReportBlock => ({ kind: 'paragraph', text: `建议：${a.text}（依据：${a.basis}）` })),
        ])),
    { kind: 'heading', text: `四、与本站${merchant.industry}行业比较` },
    {
      kind: 'table',
      columns: ['指标', '贵单位', '行业', '比较'],
      rows: letter.comparison.map((c) => [c.label, c.merchant, c.industry, c.verdict]),
      empty: '无数据',
      widths: [3, 2, 3, 2],
    },
    {
      kind: 'paragraph',
      text: '本建议书仅依据本站受理的消费投诉统计，不含举报线索。如对统计有异议，请联系本站。',
    },
  ]
  return {
    title: '消费投诉分析建议书',
    subtitle: `${merchant.name} · ${letter.siteName} · ${letter.periodLabel}`,
    footer: `${letter.siteName} 消费投诉分析建议书 · 打印于 ${printedAt}`,
    blocks,
  }
}
