import { overdueCasesOf, visitProblemsOf } from '../../../src/domain/reports/month-findings'
import { monthlyReport } from '../../../src/domain/reports/monthly-report'
import { quarterDays, quarterlyReport } from '../../../src/domain/reports/quarterly-report'
import { documentText } from '../../../src/domain/reports/report-document'
import type { StatsView } from '../../../src/domain/metrics/stats-view.schema'
import { metricsOf } from '../../../src/domain/metrics/metrics'
import { ASOF, FACTS, WORLD } from '../metrics/world'

// The printed reports' contents, without a font or a PDF: what the month's 工作动态 lists (from the clocks
// and the timelines of the hand-written statistics world) and how the quarter's analysis words the
// statistics service's answer. The PDF frame that draws them is checked in tests/browser/reports.browser.ts.

const timelines = WORLD.map((w) => ({ case: w.row, events: w.events, clocks: w.clocks }))
const FEB = { from: '2026-02-01', to: '2026-02-28' }

describe('月度工作动态', () => {
  it("when C03's completion (due 26 Feb) closed on 27 Feb, then February lists it as 逾期办结 of 办结 with where it stood", () => {
    const overdue = overdueCasesOf(timelines, FEB.from, FEB.to, ASOF)
    const c03 = overdue.filter((o) => o.caseNo === 'KS-C03')
    expect(c03).toContainEqual(
      expect.objectContaining({ promise: '办结', result: '逾期办结', dueAt: '2026年2月27日 00:00' /* the end of 26 Feb */ }),
    )
    expect(c03.find((o) => o.promise === '办结')?.reason).toMatch(/^期限届满时停在「/)
    expect(overdue.some((o) => o.caseNo === 'KS-C01')).toBe(false) // everything of C01 was on time
  })

  it('when a return visit found the shopper unsatisfied, then that month lists it; a satisfied visit is not a problem', () => {
    const jan = visitProblemsOf(timelines, '2026-01-01', '2026-01-31')
    expect(jan).toEqual([
      expect.objectContaining({ caseNo: 'KS-C07', visitedAt: '2026年1月29日 10:00', problems: expect.stringContaining('投诉人不满意') }),
    ])
    expect(visitProblemsOf(timelines, FEB.from, FEB.to).some((v) => v.caseNo === 'KS-C01')).toBe(false)
  })

  it('when the month had cases, then the document holds the title, the figures and both tables; an empty month says so', () => {
    const [feb] = metricsOf(
      FACTS.filter((f) => f.day >= FEB.from && f.day <= FEB.to),
      { by: [] },
    )
    const doc = monthlyReport({
      siteName: '星河广场',
      month: '2026-02',
      figures: feb.metrics,
      overdue: overdueCasesOf(timelines, FEB.from, FEB.to, ASOF),
      visitProblems: [],
      printedAt: '2026年3月1日 09:00',
    })
    const text = documentText(doc)
    expect(doc.title).toBe('2026年2月工作动态')
    expect(text).toContain(`收到投诉举报 ${feb.metrics.volume} 件`)
    expect(text).toContain('本月回访没有发现问题')
    const empty = documentText(
      monthlyReport({ siteName: '星河广场', month: '2026-04', figures: null, overdue: [], visitProblems: [], printedAt: '' }),
    )
    expect(empty).toEqual(expect.arrayContaining(['本期没有收到投诉举报。', '本月没有超期案件']))
  })
})

describe('季度消费投诉形势分析', () => {
  it('when a quarter is named, then its days run from the first of its first month to the last of its third', () => {
    expect([quarterDays('2026-Q1'), quarterDays('2026-Q4'), quarterDays('2026-Q5')]).toEqual([
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2026-10-01', to: '2026-12-31' },
      null,
    ])
  })

  it('when the statistics answer a quarter, then the analysis ranks the hot lines by volume and marks the three-month top-3 shops', () => {
    const [total] = metricsOf(FACTS, { by: [] })
    const view = {
      siteId: 'S1',
      siteName: '星河广场',
      sites: [],
      unit: 'month',
      from: '2026-01-01',
      to: '2026-03-31',
      watermark: null,
      periods: metricsOf(FACTS, { period: { unit: 'month' }, by: [] }).map((g) => ({ period: g.key.period!, metrics: g.metrics })),
      total: total.metrics,
      weekly: [],
      byIndustry: [
        { key: '食品', volume: 2 },
        { key: '商超', volume: 7 },
        { key: '汽车', volume: 0 },
      ],
      byProblemType: [{ key: '质量', volume: 5 }],
      topMerchants: [{ industry: '商超', merchants: [{ merchantId: 'M2', name: '优选生活超市', volume: 7, threeMonthsTop3: true }] }],
      heatMap: null,
      sources: { periods: 'day', industryBars: 'day', problemBars: 'day', merchants: 'day', repeatShops: 'day', heat: null },
    } as unknown as StatsView
    const text = documentText(quarterlyReport({ quarter: '2026-Q1', view, printedAt: '' }))
    expect(text[0]).toBe('2026年第一季度消费投诉形势分析')
    const hot = text.filter((l) => /^(食品|商超|汽车) \d+ [\d.]+%$/.test(l))
    expect(hot).toEqual([
      `商超 7 ${Math.floor((7 * 1000) / total.metrics.volume) / 10}%`,
      `食品 2 ${Math.floor((2 * 1000) / total.metrics.volume) / 10}%`,
    ])
    expect(text).toContain('商超 1 优选生活超市 7 是')
    expect(text.some((l) => l.startsWith('2026年1月 '))).toBe(true) // the trend table, month by month
  })
})
