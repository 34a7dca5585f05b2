import { PROBLEM_TYPES } from '../../../src/domain/classification'
import { ADVICE_LIBRARY, adviceFor } from '../../../src/domain/letters/advice-library'
import { composeLetter, letterSummary, type LetterInput } from '../../../src/domain/letters/analysis-letter'
import { letterDocument } from '../../../src/domain/letters/letter-document'
import { ZERO, type Counters } from '../../../src/domain/metrics/counters'
import type { RollupRow } from '../../../src/domain/metrics/rollup'
import { documentText } from '../../../src/domain/reports/report-document'

// The letter from fixed statistics rows (what sumCube answers): figures worked out by hand below.

const row = (problemType: string, kind: string, counts: Partial<Counters>, merchant = 'm1'): RollupRow => ({
  ...ZERO,
  ...counts,
  day: '2026-01-01',
  site: 's1',
  merchant,
  industry: '食品',
  problemType,
  channel: 'miniprogram',
  kind,
})

// The shop m1: 价格 3, 质量 2, 食品安全 2, 服务态度 1 complaints (8); 45 minutes met 5 of 7; settled 3, mediated 1;
// 4 ratings of which 3 satisfied. And a report (举报) of 价格 with 9 "cases": it must never show.
const SHOP: RollupRow[] = [
  row('价格', 'complaint', { volume: 3, merchant45Met: 2, merchant45Due: 3, closedSettled: 2, ratings: 2, ratingsSatisfied: 1 }),
  row('质量', 'complaint', { volume: 2, merchant45Met: 1, merchant45Due: 2, closedSettled: 1, ratings: 1, ratingsSatisfied: 1 }),
  row('食品安全', 'complaint', { volume: 2, merchant45Met: 1, merchant45Due: 1, closedMediated: 1, ratings: 1, ratingsSatisfied: 1 }),
  row('服务态度', 'complaint', { volume: 1, merchant45Met: 1, merchant45Due: 1 }),
  row('个人信息', 'report', { volume: 9, merchant45Met: 0, merchant45Due: 9, closedViolationFound: 9 }),
]
// The line on the site: 20 complaints across 5 shops (4 per shop), 45 minutes met 18 of 20, 10 of 10 satisfied.
const LINE: RollupRow[] = [
  row(
    '',
    'complaint',
    { volume: 20, merchant45Met: 18, merchant45Due: 20, closedSettled: 5, closedMediated: 5, ratings: 10, ratingsSatisfied: 10 },
    '',
  ),
  row('', 'report', { volume: 40, merchant45Due: 40 }, ''),
]
const INPUT: LetterInput = {
  merchant: { name: '老街小吃店', code: 'M0001', industry: '食品' },
  siteName: '城南站',
  periodLabel: '2026年第一季度',
  merchantRows: SHOP,
  industryRows: LINE,
  industryMerchants: 5,
}

describe('消费投诉分析建议书', () => {
  it('when every problem type of the product list is looked up, then each has at least one piece of advice with its basis', () => {
    for (const t of PROBLEM_TYPES) {
      expect(ADVICE_LIBRARY[t].length).toBeGreaterThan(0)
      for (const a of ADVICE_LIBRARY[t]) expect(a.basis).not.toBe('')
    }
    expect(adviceFor('')).toBe(ADVICE_LIBRARY['其他'])
  })

  it('when the shop has four problem types, then the top 3 are the most frequent (a tie in the list order) with their advice', () => {
    const letter = composeLetter(INPUT)
    expect(letter.top.map((p) => [p.problemType, p.volume, p.share])).toEqual([
      ['价格', 3, '38%'],
      ['质量', 2, '25%'],
      ['食品安全', 2, '25%'],
    ])
    expect(letter.top[0].advice).toBe(ADVICE_LIBRARY['价格'])
    expect(letter.top[0].advice[0].text).toContain('明码标价')
    expect(letterSummary(letter).top[2]).toEqual({ problemType: '食品安全', volume: 2, advice: ADVICE_LIBRARY['食品安全'][0].text })
  })

  it('when a report (举报) names the shop, then it is in no figure: volume, problem types, response, outcomes', () => {
    const letter = composeLetter(INPUT)
    expect(letter.volume).toBe(8)
    expect(letter.byProblem.map((p) => p.problemType)).not.toContain('个人信息')
    expect(letter.response).toEqual({ met: 5, missed: 2, rate: '71.42%' })
    expect(letter.outcomes).toEqual([
      { label: '双方自行和解', count: 3 },
      { label: '调解成功', count: 1 },
    ])
    expect(letter.satisfaction).toEqual({ rated: 4, rate: '75.00%' })
    const text = documentText(letterDocument(letter, '2026年4月1日 09:00')).join('\n')
    expect(text).not.toMatch(/个人信息|举报查实/)
  })

  it('when set beside its industry line, then each figure says whether the shop is above or below the line', () => {
    const { comparison } = composeLetter(INPUT)
    expect(comparison).toEqual([
      { label: '投诉件数', merchant: '8 件', industry: '平均每户 4 件', verdict: '多于行业平均' },
      { label: '45分钟内响应率', merchant: '71.42%', industry: '90.00%', verdict: '低于行业' },
      { label: '自行和解率', merchant: '75.00%', industry: '50.00%', verdict: '高于行业' },
      { label: '满意率', merchant: '75.00%', industry: '100%', verdict: '低于行业' },
    ])
  })

  it('when the shop had no complaint, then the letter says so and nothing is compared as a number', () => {
    const letter = composeLetter({ ...INPUT, merchantRows: [SHOP[4]] })
    expect(letter.volume).toBe(0)
    expect(letter.top).toEqual([])
    expect(letter.comparison[1].verdict).toBe('无法比较')
    expect(documentText(letterDocument(letter, 'x'))).toContain('2026年第一季度，本站未收到针对贵单位的消费投诉。请继续保持。')
  })

  it('when printed, then the document holds the sections, each top problem with its advice and the comparison', () => {
    const text = documentText(letterDocument(composeLetter(INPUT), '2026年4月1日 09:00'))
    expect(text[0]).toBe('消费投诉分析建议书')
    expect(text).toEqual(
      expect.arrayContaining([
        '一、投诉问题分布',
        '1. 价格（3 件，占 38%）',
        `建议：${ADVICE_LIBRARY['价格'][0].text}（依据：${ADVICE_LIBRARY['价格'][0].basis}）`,
        '四、与本站食品行业比较',
        '45分钟内响应率 71.42% 90.00% 低于行业',
      ]),
    )
  })
})
