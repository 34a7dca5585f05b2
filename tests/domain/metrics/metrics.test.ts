import { metricsOf } from '../../../src/domain/metrics/metrics'
import type { GroupMetrics } from '../../../src/domain/metrics/group'
import type { Rate } from '../../../src/domain/metrics/rate'
import { FACTS } from './world'

// Every figure of the world (world.ts), worked out by hand from the per-case table of case-facts.test.ts.
const frac = (r: Rate) => `${r.numerator}/${r.denominator} ${r.label}`
const only = (groups: GroupMetrics[]) => {
  expect(groups).toHaveLength(1)
  return groups[0].metrics
}
const group = (groups: GroupMetrics[], period: string) => {
  const found = groups.find((g) => g.key.period === period)
  if (!found) throw new Error(`no group ${period}`)
  return found.metrics
}

describe('metrics over the whole world (20 January – 19 March 2026, taken on 20 March 12:00)', () => {
  const m = only(metricsOf(FACTS, { by: [] }))

  it('when all 14 cases are counted, then volume, closures per outcome, withdrawals and reopenings are plain counts', () => {
    expect(m.volume).toBe(14)
    // settled C01 C07 C13; mediated C02 C06; mediation_failed C03; violation_found C05; no_violation C12
    expect(m.closedByOutcome).toEqual({ settled: 3, mediated: 2, mediation_failed: 1, violation_found: 1, no_violation: 1 })
    expect([m.withdrawn, m.reopened]).toEqual([1, 1]) // C04; C07
  })

  it('when the answering promises are counted, then each rate is met / (met + late + missed)', () => {
    // 24h: met C01 C02 C03 C05 C07 C08 C09 C10 C11 C13 = 10; late C06 C12; missed C14 → 10 / 13 (C04 moot)
    expect(frac(m.response24h)).toBe('10/13 76.92%')
    // 1h: met C01 C03 C05 C07 C08 C09 C13 = 7; late C02 C06 C10 C11 C12 = 5; missed C14 → 7 / 13 = 53.846… → 53.84% (truncated)
    expect(frac(m.initialCheck)).toBe('7/13 53.84%')
    // 45 min: met C01 C07 C09 C13 = 4; late C03; missed C02 C08 → 4 / 7 (C06 moot: the station stepped in first)
    expect(frac(m.merchant45)).toBe('4/7 57.14%')
    // 90 min: only C07 asked for it, checked in after 45 min → 1 / 1
    expect(frac(m.onSite90)).toBe('1/1 100%')
  })

  it('when completion, overdue and extension are counted, then they follow the working-day clocks', () => {
    // completion: met C01 C02 C05 C06 C13 = 5; late C03 C07 C12; missed C08 → 5 / 9 (C09 pending) = 55.55%
    expect(frac(m.completionOnTime)).toBe('5/9 55.55%')
    // overdue: a statutory clock late or missed — C03 C06 C07 C08 C12 C14 = 6; every case but C04 has one decided → 6 / 13
    expect(frac(m.overdue)).toBe('6/13 46.15%')
    // extension: C06 of the 10 accepted (C01 C02 C03 C05 C06 C07 C08 C09 C12 C13) → 1 / 10
    expect(frac(m.extension)).toBe('1/10 10.00%')
  })

  it('when settlement and mediation are counted, then only complaint outcome codes count, never "closed"', () => {
    // self-settlement: settled 3 / (settled 3 + mediated 2 + mediation_failed 1) — the two reports are in neither part
    expect(frac(m.selfSettlement)).toBe('3/6 50.00%')
    // mediation: mediated 2 / (mediated 2 + mediation_failed 1) = 66.66…%
    expect(frac(m.mediationSuccess)).toBe('2/3 66.66%')
  })

  it('when ratings are counted, then satisfaction is satisfied / ratings and each dimension is its mean', () => {
    // ratings: C01 5/5/5 yes, C02 4/3/4 yes, C03 2/2/1 no, C07 3/3/2 no and 5/4/5 yes, C13 5/5/4 yes → 4 / 6
    expect(frac(m.satisfaction)).toBe('4/6 66.66%')
    // speed 5+4+2+3+5+5 = 24 → 4.00; professionalism 5+3+2+3+4+5 = 22 → 3.67; attitude 5+4+1+2+5+4 = 21 → 3.50
    expect([m.averages.speed, m.averages.professionalism, m.averages.attitude].map((a) => `${a.sum}/${a.count} ${a.label}`)).toEqual([
      '24/6 4.00',
      '22/6 3.67',
      '21/6 3.50',
    ])
  })

  it('when return visits are counted, then a late visit is done and a visit past due is not', () => {
    // done: C01 C02 (late) C05 C06 C07 C13 = 6; past due without a visit: C03 C12 → 6 / 8
    expect(frac(m.returnVisits)).toBe('6/8 75.00%')
  })

  it('when money is counted, then it is the accepted offers plus the agreements, in fen', () => {
    // 5000 + 20000 + 300000 + 12000 + 8800 = 345800 fen (3,458 yuan) from 5 cases
    expect([m.moneyRecoveredFen, m.casesWithMoney]).toEqual([345800, 5])
  })

  it('when repeats are counted over the whole span, then filers and shops with 2 or more cases count', () => {
    // filers: U1 C01+C02, U2 C03+C10, U3 C04+C13 → 3 filers, 6 cases (C06 C07 C08 C11 were typed by staff: no key)
    expect(m.repeatComplainants).toEqual({ keys: 3, cases: 6 })
    // shops: M1 4, M2 3, M3 2, M4 3, M5 2 → all 5, 14 cases
    expect(m.repeatMerchants).toEqual({ keys: 5, cases: 14 })
  })
})

describe('metrics by month, week, kind and site', () => {
  const months = metricsOf(FACTS, { period: { unit: 'month' }, by: [] })

  it('when split by month, then January holds C01 C06 C07 C11, February eight cases and March two', () => {
    expect(months.map((g) => [g.key.period, g.metrics.volume])).toEqual([
      ['2026-01', 4],
      ['2026-02', 8],
      ['2026-03', 2],
    ])
  })

  it('when split by month, then each month counts its own cases only', () => {
    const jan = group(months, '2026-01')
    // 24h: C01 met, C06 late, C07 met, C11 met → 3 / 4; settled C01 C07 vs mediated C06 → 2 / 3; 5000 + 300000 + 12000
    expect([frac(jan.response24h), frac(jan.selfSettlement), jan.moneyRecoveredFen]).toEqual(['3/4 75.00%', '2/3 66.66%', 317000])
    const feb = group(months, '2026-02')
    // 24h: met C02 C03 C05 C08 C10 C13, late C12, C04 moot → 6 / 7; completion: met C02 C05 C13, late C03 C12, missed C08 → 3 / 6
    // settled C13 / (C13 + mediated C02 + failed C03) → 1 / 3; satisfied C02 C13 of C02 C03 C13 → 2 / 3; money 20000 + 8800
    expect([
      frac(feb.response24h),
      frac(feb.completionOnTime),
      frac(feb.selfSettlement),
      frac(feb.satisfaction),
      feb.moneyRecoveredFen,
    ]).toEqual(['6/7 85.71%', '3/6 50.00%', '1/3 33.33%', '2/3 66.66%', 28800])
    const mar = group(months, '2026-03')
    // 24h: C09 met, C14 missed → 1 / 2; nothing closed, rated or due to complete: 无数据, never 0 % or 100 %
    expect([frac(mar.response24h), frac(mar.completionOnTime), frac(mar.selfSettlement), frac(mar.satisfaction)]).toEqual([
      '1/2 50.00%',
      '0/0 无数据',
      '0/0 无数据',
      '0/0 无数据',
    ])
    expect(mar.averages.speed).toMatchObject({ value: null, label: '无数据' })
  })

  it('when a filer files on 30 January and again on 2 February, then they repeat in the quarter but in neither month', () => {
    // January: U1 once (C01). February: U1 once (C02), U2 C03+C10, U3 C04+C13 → 2 filers, 4 cases. March: none.
    expect(months.map((g) => g.metrics.repeatComplainants)).toEqual([
      { keys: 0, cases: 0 },
      { keys: 2, cases: 4 },
      { keys: 0, cases: 0 },
    ])
    const q1 = only(metricsOf(FACTS, { period: { unit: 'quarter' }, by: [] }))
    expect(q1.repeatComplainants).toEqual({ keys: 3, cases: 6 })
    // shops by month: Jan M4 (C06 C07); Feb M2 (C03 C04 C13) and M3 (C05 C10); Mar M1 (C09 C14)
    expect(months.map((g) => g.metrics.repeatMerchants)).toEqual([
      { keys: 1, cases: 2 },
      { keys: 2, cases: 5 },
      { keys: 1, cases: 2 },
    ])
  })

  it('when split by week, then the Spring Festival week (Monday 16 February) holds the two cases received on holidays', () => {
    const weeks = metricsOf(FACTS, { period: { unit: 'week' }, range: { from: '2026-02-09', to: '2026-02-22' }, by: [] })
    // week of 9 Feb: C03 (Thu 12), C04 and C13 (Sat 14); week of 16 Feb: C05 (Mon 16), C12 (Fri 20)
    expect(weeks.map((g) => [g.key.period, g.metrics.volume])).toEqual([
      ['2026-02-09周', 3],
      ['2026-02-16周', 2],
    ])
  })

  it('when split by kind, then reports have no settlement or mediation rate at all', () => {
    const kinds = metricsOf(FACTS, { by: ['kind'] })
    expect(kinds.map((g) => [g.key.kind, g.metrics.volume])).toEqual([
      ['complaint', 12],
      ['report', 2],
    ])
    const report = kinds[1].metrics
    // C05 violation_found, C12 no_violation: neither is a complaint outcome
    expect([frac(report.selfSettlement), frac(report.mediationSuccess)]).toEqual(['0/0 无数据', '0/0 无数据'])
    expect(report.closedByOutcome).toMatchObject({ violation_found: 1, no_violation: 1 })
    // completion of reports: C05 met, C12 late → 1 / 2
    expect(frac(report.completionOnTime)).toBe('1/2 50.00%')
  })

  it('when split by site and channel, then the groups hold exactly their cases', () => {
    const sites = metricsOf(FACTS, { by: ['site'] })
    // S1: C01 C02 C03 C04 C05 C09 C10 C13 C14; S2: C06 C07 C08 C11 C12
    expect(sites.map((g) => [g.key.site, g.metrics.volume])).toEqual([
      ['S1', 9],
      ['S2', 5],
    ])
    // S2 money: C06 300000 + C07 12000
    expect(sites[1].metrics.moneyRecoveredFen).toBe(312000)
    const channels = Object.fromEntries(metricsOf(FACTS, { by: ['channel'] }).map((g) => [g.key.channel, g.metrics.volume]))
    expect(channels).toEqual({ qr: 8, search: 2, phone: 1, walk_in: 1, hotline_12345: 1, proxy: 1 })
  })

  it('when a custom period covers 1–28 February, then it is one group of the February cases', () => {
    const feb = only(metricsOf(FACTS, { period: { unit: 'custom', from: '2026-02-01', to: '2026-02-28' }, by: [] }))
    expect(feb.volume).toBe(8)
  })
})
