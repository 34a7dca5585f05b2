import type { CubeRow } from '../../../src/domain/metrics/cubes'
import { ZERO } from '../../../src/domain/metrics/counters'
import { addMonths, isWholeMonths, monthEnd, periodsOf, planOf } from '../../../src/domain/metrics/stats-plan'
import { StatsQuerySchema } from '../../../src/domain/metrics/stats-query.schema'
import { streakShops, topMerchantsOf } from '../../../src/domain/metrics/top-merchants'

// The statistics page's small pure parts: ranges, which cube answers, the query's limits, the ranking's ties.
const query = (input: Record<string, unknown>) => StatsQuerySchema.parse({ from: '2026-01-01', to: '2026-03-31', ...input })

describe('statistics: ranges and the cube plan', () => {
  it('when months are counted across a year, then the 1st of the right month comes back', () => {
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-01')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-01')
    expect(monthEnd('2028-02-10')).toBe('2028-02-29')
    expect(isWholeMonths('2026-01-01', '2026-03-31')).toBe(true)
    expect(isWholeMonths('2026-01-01', '2026-03-30')).toBe(false)
  })

  it('when a range is split, then every period is listed in order, empty ones too', () => {
    expect(periodsOf({ unit: 'quarter', from: '2025-12-01', to: '2026-04-30' })).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(periodsOf({ unit: 'custom', from: '2026-01-01', to: '2026-06-30' })).toEqual(['2026-01-01~2026-06-30'])
    expect(periodsOf({ unit: 'week', from: '2026-02-15', to: '2026-02-16' })).toEqual(['2026-02-09周', '2026-02-16周'])
  })

  it('when the query has no filter and whole months, then the small cubes answer; a fine filter sends every part to the daily cube', () => {
    expect(planOf(query({ unit: 'month' }))).toEqual({
      periods: 'day_site',
      industryBars: 'month_industry',
      problemBars: 'month_problem',
      merchants: 'month_merchant',
      repeatShops: 'month_merchant',
      heat: 'month_slot',
    })
    // weeks inside whole months: the repeat shops of a week need the daily cube
    expect(planOf(query({ unit: 'week' })).repeatShops).toBe('day')
    // 类别 is kept by every cube
    expect(planOf(query({ kind: 'report' })).periods).toBe('day_site')
    for (const filter of [{ industry: '食品' }, { problemType: '质量' }, { channel: 'qr' }, { merchantId: 'M1' }])
      expect(planOf(query(filter))).toEqual({
        periods: 'day',
        industryBars: 'day',
        problemBars: 'day',
        merchants: 'day',
        repeatShops: 'day',
        heat: null,
      })
  })

  it('when a range is too long or upside down, then the field says why', () => {
    const issues = (input: Record<string, unknown>) =>
      StatsQuerySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message])
    expect(issues({ from: '2026-03-01', to: '2026-02-01' })).toEqual([['to', '结束日期不能早于开始日期']])
    expect(issues({ from: '2026-02-30', to: '2026-03-31' })).toEqual([['from', '没有这一天，请检查日期']])
    expect(issues({ from: '2024-01-01', to: '2026-03-01' })).toEqual([['to', '一次最多统计两年']])
    expect(issues({ unit: 'day', from: '2026-01-01', to: '2026-06-30' })).toEqual([['unit', '按日统计最多三个月，请改为按周或按月']])
    // the database has no year 0: such a day must be refused here, not fail in SQL as a 500
    expect(issues({ from: '0000-01-01', to: '0000-01-31' })).toContainEqual(['from', '日期应在2000年至2099年之间'])
  })
})

describe('statistics: the shop ranking', () => {
  const row = (day: string, industry: string, merchant: string, volume: number): CubeRow => ({
    ...ZERO,
    volume,
    cube: 'month_merchant',
    day,
    slot: '',
    site: 'S1',
    merchant,
    industry,
    problemType: '',
    channel: '',
    kind: '',
  })

  it('when two shops have as many cases, then the shop id decides, so the order never depends on the database', () => {
    const rows = [row('2026-03-01', '食品', 'M9', 2), row('2026-03-01', '食品', 'M2', 2), row('2026-03-01', '食品', 'M5', 3)]
    expect(topMerchantsOf(rows, rows, '2026-03-01', '2026-03-31')[0].merchants.map((m) => m.merchantId)).toEqual(['M5', 'M2', 'M9'])
  })

  it('when a shop is in the top 3 in January, February and March, then it is marked in March; a gap in February breaks it', () => {
    const months = ['2026-01-01', '2026-02-01', '2026-03-01']
    const steady = months.map((m) => row(m, '食品', 'M1', 5))
    const others = months.flatMap((m) => ['M2', 'M3', 'M4'].map((id, i) => row(m, '食品', id, m === '2026-02-01' ? 9 - i : 1)))
    // February: M2, M3, M4 push M1 out; M2 and M3 (ties at 1 case go by shop id) stay in all three months
    expect([...streakShops([...steady, ...others], '2026-03-01', '2026-03-31')]).toEqual(['食品\u241fM2', '食品\u241fM3'])
    expect([...streakShops(steady, '2026-03-01', '2026-03-31')]).toEqual(['食品\u241fM1'])
    expect([...streakShops(steady, '2026-02-01', '2026-02-28')]).toEqual([]) // two months only
  })
})
