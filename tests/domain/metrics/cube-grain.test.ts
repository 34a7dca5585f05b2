import { ZERO } from '../../../src/domain/metrics/counters'
import { atGrain, CHART_SUMS, countersAsked, grainDayOf } from '../../../src/domain/metrics/cube-grain'
import type { CubeRow } from '../../../src/domain/metrics/cubes'
import { mondayOf, periodKey } from '../../../src/domain/metrics/period'

// cube-grain.ts, the definition the stores' grain and counters are held to (tests/store/stats-grain.contract.ts).
const row = (day: string, volume: number, moneyFen = 0, kind = 'complaint'): CubeRow => ({
  cube: 'day_site',
  day,
  slot: '',
  site: 'S1',
  merchant: '',
  industry: '',
  problemType: '',
  channel: '',
  kind,
  ...ZERO,
  volume,
  moneyFen,
})

describe('cube grain', () => {
  it('when a week runs over a month end, then its days are summed under its first day in each month, and never before the range', () => {
    // 1 April 2026 is a Wednesday: its week began on Monday 30 March
    expect(grainDayOf('2026-03-31', 'week-month', '2026-03-01')).toBe('2026-03-30')
    expect(grainDayOf('2026-04-03', 'week-month', '2026-03-01')).toBe('2026-04-01')
    expect(grainDayOf('2026-04-06', 'week-month', '2026-03-01')).toBe('2026-04-06')
    expect(grainDayOf('2026-04-08', 'week-month', '2026-04-07')).toBe('2026-04-07')
    expect(grainDayOf('2026-04-08', 'range', '2026-04-01')).toBe('2026-04-01')
    expect(grainDayOf('2026-04-08', 'day', '2026-04-01')).toBe('2026-04-08')
  })

  it('when every day of a year is summed per week within a month, then each keeps its week, month and quarter', () => {
    for (let t = Date.UTC(2026, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10)
      const at = grainDayOf(day, 'week-month', '2026-01-01')
      expect(at <= day).toBe(true)
      expect(mondayOf(at)).toBe(mondayOf(day))
      for (const unit of ['month', 'quarter'] as const) expect(periodKey(at, { unit })).toBe(periodKey(day, { unit }))
    }
  })

  it('when rows are summed to a grain with only the volume asked, then the volume adds up and every other counter is 0', () => {
    const rows = [row('2026-03-30', 1, 300), row('2026-03-31', 2, 0, 'report'), row('2026-04-01', 4, 400), row('2026-04-05', 8)]
    const summed = atGrain(rows, CHART_SUMS.trend('month').grain, '2026-03-01')
    expect(summed.map((r) => [r.day, r.kind, r.volume, r.moneyFen])).toEqual([
      ['2026-03-30', 'complaint', 1, 300],
      ['2026-03-30', 'report', 2, 0],
      ['2026-04-01', 'complaint', 12, 400],
    ])
    const volumes = atGrain(rows, 'range', '2026-03-01', ['volume'])
    expect(volumes.map((r) => [r.day, r.kind, r.volume, r.moneyFen])).toEqual([
      ['2026-03-01', 'complaint', 13, 0],
      ['2026-03-01', 'report', 2, 0],
    ])
    expect(countersAsked(['moneyFen'])).toEqual(['volume', 'moneyFen'])
  })
})
