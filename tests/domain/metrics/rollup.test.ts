import { DIMENSIONS, type Grouping } from '../../../src/domain/metrics/dimensions'
import { metricsOf } from '../../../src/domain/metrics/metrics'
import type { CaseFacts } from '../../../src/domain/metrics/case-facts'
import { contributionOf, mergeRollups, metricsFromRollups, rollupDelta, rollupOf, type Rollup } from '../../../src/domain/metrics/rollup'
import { COUNTER_NAMES, ZERO, addCounters } from '../../../src/domain/metrics/counters'
import { byId, FACTS, factsOf, filerKey, WORLD } from './world'

// The daily rollup must answer every figure exactly as counting the cases does: same fractions,
// same sums, same repeats, for every split the statistics page offers.
const groupings: Grouping[] = [
  { by: [] },
  { period: { unit: 'day' }, by: [] },
  { period: { unit: 'week' }, by: [] },
  { period: { unit: 'month' }, by: [] },
  { period: { unit: 'quarter' }, by: [] },
  { period: { unit: 'custom', from: '2026-01-26', to: '2026-02-24' }, by: [] },
  ...DIMENSIONS.map((d) => ({ period: { unit: 'month' as const }, by: [d] })),
  { by: ['site', 'industry', 'problemType'] },
  { period: { unit: 'day' }, by: ['channel'] },
  { period: { unit: 'week' }, range: { from: '2026-02-01', to: '2026-02-28' }, by: ['merchant', 'kind'] },
  { period: { unit: 'month' }, by: [...DIMENSIONS] },
]

describe('metrics: the daily rollup', () => {
  const rollup = rollupOf(FACTS)

  it.each(groupings.map((g) => [JSON.stringify(g), g] as const))(
    'when grouped %s, then the rollup rows give exactly the figures the cases give',
    (_name, grouping) => {
      const direct = metricsOf(FACTS, grouping)
      expect(direct.length).toBeGreaterThan(0)
      expect(metricsFromRollups(rollup, grouping)).toEqual(direct)
    },
  )

  it('when two cases share a day and every dimension, then they add into one row', () => {
    // C04 and C13: Saturday 14 February, S1, M2, 商超, 质量, qr, complaint — one row of volume 2
    expect(rollup.rows).toHaveLength(13)
    const row = rollup.rows.find((r) => r.day === '2026-02-14')
    expect(row).toMatchObject({ site: 'S1', merchant: 'M2', volume: 2, withdrawnCases: 1, closedSettled: 1, moneyFen: 8800 })
    // and U3 filed both: one filer row counting 2
    expect(rollup.filers.find((f) => f.day === '2026-02-14')).toMatchObject({ filerKey: filerKey('U3'), cases: 2 })
  })

  it('when the rows are summed, then every counter equals the sum of the cases’ contributions', () => {
    const fromRows = rollup.rows.reduce((sum, r) => addCounters(sum, r), ZERO)
    const fromCases = FACTS.map(contributionOf).reduce((sum, r) => addCounters(sum, r), ZERO)
    for (const name of COUNTER_NAMES) expect([name, fromRows[name]]).toEqual([name, fromCases[name]])
    expect(fromRows.volume).toBe(14)
  })

  it('when the rows are stored, then they hold no filer subject, only counts and hashed keys', () => {
    const text = JSON.stringify(rollup)
    expect(text).not.toMatch(/"U\d"|staff:|proxy:|张三|13800138000/)
  })
})

describe('metrics: keeping the rollup up to date, one change at a time', () => {
  const sorted = (r: Rollup) => ({
    rows: [...r.rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    filers: [...r.filers].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  })

  it('when a case changes and its industry line is corrected, then old rows plus the delta equal a rollup built afresh', () => {
    // C13 as it stood on 14 February 11:05: filed straight to the shop, nothing decided yet, filed under 食品
    const c13 = WORLD.filter((w) => w.row.id === 'C13')[0]
    const before: CaseFacts = { ...factsOf(c13, new Date('2026-02-14T11:05:00+08:00')), dims: { ...byId('C13').dims, industry: '食品' } }
    const others = FACTS.filter((f) => f.caseId !== 'C13')
    const kept = mergeRollups(rollupOf([...others, before]), rollupDelta(before, byId('C13')))
    expect(sorted(kept)).toEqual(sorted(rollupOf(FACTS)))
  })

  it('when every case is added one by one as new, then the deltas add up to the full rollup', () => {
    const kept = FACTS.reduce((rows, f) => mergeRollups(rows, rollupDelta(null, f)), rollupOf([]))
    expect(sorted(kept)).toEqual(sorted(rollupOf(FACTS)))
  })
})
