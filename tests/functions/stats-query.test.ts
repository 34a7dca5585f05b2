import type { Caller } from '../../src/domain/identity'
import type { CaseFacts } from '../../src/domain/metrics/case-facts'
import { metricsOf } from '../../src/domain/metrics/metrics'
import { StatsQuerySchema, type StatsQuery } from '../../src/domain/metrics/stats-query.schema'
import { queryStats, type StatsDeps } from '../../cloudfunctions/services/stats-query'
import { WorldStatsStore as WorldStore } from '../support/stats-world-store'
import { FACTS } from '../domain/metrics/world'

// The statistics service on the fixed world of tests/domain/metrics/world.ts (14 cases, 20 January – 19 March
// 2026, sites S1 and S2), over a TEST DOUBLE of the StatsStore port that sums cube rows in memory. Every
// figure must equal the domain's direct computation over the same cases (metricsOf), whichever cube the
// service chose; the real stores are exercised in stats-store-query.test.ts.
const staff = (role: 'station' | 'regulator' | 'admin' | 'proxy', siteId: string | null): Caller => ({
  subject: `${role}-openid`,
  memberships: [],
  staff: { staffId: `${role}-${siteId ?? 'all'}`, role, siteId, displayName: role },
})
const REGULATOR = staff('regulator', null)
const STATION_S1 = staff('station', 'S1')

function run(caller: Caller, input: Record<string, unknown>, store = new WorldStore(FACTS)) {
  const deps: StatsDeps = { store }
  return queryStats({ caller, deps }, StatsQuerySchema.parse(input))
}

async function view(caller: Caller, input: Record<string, unknown>, store?: WorldStore) {
  const r = await run(caller, input, store)
  if (!r.ok) throw new Error(r.error.code)
  return r.data
}

const direct = (facts: readonly CaseFacts[], q: Pick<StatsQuery, 'from' | 'to'>, unit?: 'day' | 'week' | 'month' | 'quarter') =>
  metricsOf(facts, { period: unit ? { unit } : undefined, range: { from: q.from, to: q.to }, by: [] })

const Q1 = { from: '2026-01-01', to: '2026-03-31' }

describe('statistics service: figures equal the domain’s direct computation', () => {
  it('when a regulator asks for Q1 by month, then every month’s figures (repeats included) are those of its cases', async () => {
    const store = new WorldStore(FACTS)
    const v = await view(REGULATOR, { ...Q1, unit: 'month' }, store)
    expect(v.sources).toMatchObject({
      periods: 'day_site',
      industryBars: 'month_industry',
      merchants: 'month_merchant',
      repeatShops: 'month_merchant',
    })
    expect(v.periods.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03'])
    const expected = direct(FACTS, Q1, 'month')
    expect(v.periods.map((p) => p.metrics)).toEqual(expected.map((g) => g.metrics))
    expect(v.total).toEqual(direct(FACTS, Q1)[0].metrics)
    expect(v.total.volume).toBe(14)
    // no cube read the case table; the full daily cube was not needed for whole months without filters
    expect(store.asked.map((a) => a.cube)).not.toContain('day')
  })

  it('when a station asks, then only its own site’s cases count', async () => {
    const v = await view(STATION_S1, { ...Q1, unit: 'quarter' })
    const own = FACTS.filter((f) => f.dims.site === 'S1')
    expect(v).toMatchObject({ siteId: 'S1', siteName: '星河广场', sites: [] })
    expect(v.periods).toEqual([{ period: '2026-Q1', metrics: direct(own, Q1, 'quarter')[0].metrics }])
    expect(v.total.volume).toBe(9)
  })

  it('when the range is not whole months and split by week, then repeat shops come from the daily cube and still match', async () => {
    const q = { from: '2026-01-26', to: '2026-02-24' }
    const v = await view(REGULATOR, { ...q, unit: 'week' })
    expect(v.sources).toMatchObject({ periods: 'day_site', industryBars: 'day', merchants: 'day', repeatShops: 'day' })
    const expected = new Map(direct(FACTS, q, 'week').map((g) => [g.key.period, g.metrics]))
    for (const p of v.periods) if (expected.has(p.period)) expect([p.period, p.metrics]).toEqual([p.period, expected.get(p.period)])
    // weeks without a case are listed as zeros, so the table and the trend have no gaps
    expect(v.periods.map((p) => p.period)).toEqual(['2026-01-26周', '2026-02-02周', '2026-02-09周', '2026-02-16周', '2026-02-23周'])
    expect(v.weekly.map((w) => w.volume)).toEqual(v.periods.map((p) => p.metrics.volume))
  })

  it('when a custom query filters an industry line and a kind, then the daily cube answers and the figures are those cases’', async () => {
    const v = await view(REGULATOR, { ...Q1, unit: 'month', view: 'custom', industry: '一般消费纠纷', kind: 'complaint' })
    expect(v.sources).toEqual({ periods: 'day', industryBars: 'day', problemBars: 'day', merchants: 'day', repeatShops: 'day', heat: null })
    const chosen = FACTS.filter((f) => f.dims.industry === '一般消费纠纷' && f.dims.kind === 'complaint')
    expect(chosen.length).toBe(2)
    const byMonth = new Map(direct(chosen, Q1, 'month').map((g) => [g.key.period, g.metrics]))
    for (const p of v.periods) expect(p.metrics.volume).toBe(byMonth.get(p.period)?.volume ?? 0)
    expect(v.total).toEqual(direct(chosen, Q1)[0].metrics)
    expect(v.heatMap).toBeNull() // the heat map's cube keeps no industry line
  })

  it('when a shop is chosen, then its figures and nothing else', async () => {
    const v = await view(REGULATOR, { ...Q1, unit: 'custom', view: 'custom', merchantId: 'M1' })
    expect(v.total).toEqual(
      direct(
        FACTS.filter((f) => f.dims.merchant === 'M1'),
        Q1,
      )[0].metrics,
    )
    expect(v.total.repeatMerchants).toEqual({ keys: 1, cases: 4 })
  })
})

describe('statistics service: the charts', () => {
  it('when Q1 is asked, then the bars count each industry line and problem type, every line listed', async () => {
    const v = await view(REGULATOR, { ...Q1, unit: 'month' })
    const count = (pick: (f: CaseFacts) => string, key: string) => FACTS.filter((f) => pick(f) === key).length
    for (const b of v.byIndustry) expect([b.key, b.volume]).toEqual([b.key, count((f) => f.dims.industry, b.key)])
    for (const b of v.byProblemType) expect([b.key, b.volume]).toEqual([b.key, count((f) => f.dims.problemType, b.key)])
    expect(v.byIndustry.map((b) => b.key)).toContain('药品') // a line without cases is a bar of 0, not missing
    expect(v.byIndustry.reduce((s, b) => s + b.volume, 0)).toBe(14)
    // the same bars from the daily cube when the range is not whole months
    const partial = await view(REGULATOR, { from: '2026-01-02', to: '2026-03-30', unit: 'month' })
    expect(partial.byIndustry).toEqual(v.byIndustry)
  })

  it('when a line’s top shop stayed in its top 3 for three months in a row, then it is marked; two months are not enough', async () => {
    const v = await view(REGULATOR, { ...Q1, unit: 'month' })
    const food = v.topMerchants.find((t) => t.industry === '食品')
    // M1: C01 (January), C02 (February), C09 and C14 (March)
    expect(food?.merchants).toEqual([{ merchantId: 'M1', name: '好味餐厅', volume: 4, threeMonthsTop3: true }])
    expect(v.topMerchants.find((t) => t.industry === '商超')?.merchants).toEqual([
      { merchantId: 'M2', name: '惠民超市', volume: 3, threeMonthsTop3: false },
    ])
    expect(v.topMerchants[0].industry).toBe('食品') // the line with most cases first
    const janFeb = await view(REGULATOR, { from: '2026-01-01', to: '2026-02-28', unit: 'month' })
    expect(janFeb.topMerchants.find((t) => t.industry === '食品')?.merchants[0]).toMatchObject({ volume: 2, threeMonthsTop3: false })
  })

  it('when the heat map is drawn, then each case is in its Beijing weekday and hour', async () => {
    const v = await view(REGULATOR, { ...Q1, unit: 'month' })
    expect(v.heatMap?.cells).toHaveLength(168)
    expect(v.heatMap?.months).toEqual({ from: '2026-01-01', to: '2026-03-01' })
    const cell = (weekday: number, hour: number) => v.heatMap?.cells.find((c) => c.weekday === weekday && c.hour === hour)?.volume
    expect(cell(5, 10)).toBe(2) // C01: Friday 30 January 10:00; C12: Friday 20 February 10:00
    expect(cell(6, 9)).toBe(1) // C04: Saturday 14 February 09:00 (C13 is at 11:00)
    expect(v.heatMap?.cells.reduce((s, c) => s + c.volume, 0)).toBe(14)
  })

  it('when the store has a watermark, then the view carries it', async () => {
    const store = new WorldStore(FACTS)
    await store.setStatsWatermark('2026-03-20T04:00:00.000Z')
    expect((await view(REGULATOR, { ...Q1 }, store)).watermark).toBe('2026-03-20T04:00:00.000Z')
  })
})

describe('statistics service: who may see which site', () => {
  it('when a station names another site, then SITE_NOT_FOUND and no figure', async () => {
    expect(await run(STATION_S1, { ...Q1, siteId: 'S2' })).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
  })

  it('when a district regulator asks, then only its own site; another site is SITE_NOT_FOUND', async () => {
    const district = staff('regulator', 'S2')
    expect((await view(district, Q1)).total.volume).toBe(5)
    expect(await run(district, { ...Q1, siteId: 'S1' })).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
  })

  it('when a city regulator or an administrator picks a site, then that site; and both may pick from every site', async () => {
    const v = await view(REGULATOR, { ...Q1, siteId: 'S2' })
    expect(v).toMatchObject({
      siteId: 'S2',
      siteName: '老街市场',
      sites: [
        { id: 'S1', name: '星河广场' },
        { id: 'S2', name: '老街市场' },
      ],
    })
    expect(v.total.volume).toBe(5)
    expect((await view(staff('admin', null), Q1)).total.volume).toBe(14)
    expect(await run(REGULATOR, { ...Q1, siteId: 'S9' })).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
  })

  it('when a proxy desk, a shop clerk, a shopper or nobody asks, then refused', async () => {
    expect(await run(staff('proxy', 'S1'), Q1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const clerk: Caller = { subject: 'clerk', memberships: [{ merchantId: 'M1', siteId: 'S1' }] }
    expect(await run(clerk, Q1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await run({ subject: 'shopper', memberships: [] }, Q1)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
