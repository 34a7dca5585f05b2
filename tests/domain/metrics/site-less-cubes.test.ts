import { ZERO } from '../../../src/domain/metrics/counters'
import { CUBE_IDS, statsDelta, type CaseContribution } from '../../../src/domain/metrics/cubes'
import { cubeToRead } from '../../../src/domain/metrics/site-less-cubes'

// The regulator's site-less cubes (docs/statistics-scale.md): which cube a read goes to, and how a case
// counted before migration 0032 gets into them when the migration's marks make the upkeep refresh it.

const counted: CaseContribution = {
  row: {
    day: '2026-02-14',
    site: 'site-a',
    merchant: 'shop-1',
    industry: '餐饮',
    problemType: '预付卡',
    channel: 'qr',
    kind: 'complaint',
    ...ZERO,
    volume: 1,
    moneyFen: 800,
  },
  slot: '6-10',
  filerKey: 'filer-1',
  cubes: CUBE_IDS,
}
const { cubes: _cubes, ...storedBefore0032 } = counted

describe('the site-less cubes', () => {
  it('when a case stored before 0032 is refreshed with the same facts, then only the new cubes move, each by the case', () => {
    const delta = statsDelta(storedBefore0032, counted)
    expect(delta.filers).toEqual([])
    expect(delta.rows.map((r) => [r.cube, r.day, r.site, r.kind, r.industry, r.merchant, r.slot, r.volume, r.moneyFen])).toEqual([
      ['all_day', '2026-02-14', '', 'complaint', '', '', '', 1, 800],
      ['all_month_industry', '2026-02-01', '', 'complaint', '餐饮', '', '', 1, 800],
      ['all_month_problem', '2026-02-01', '', 'complaint', '', '', '', 1, 800],
      ['all_month_slot', '2026-02-01', '', 'complaint', '', '', '6-10', 1, 800],
      ['all_month_merchant', '2026-02-01', '', '', '餐饮', 'shop-1', '', 1, 800],
    ])
  })

  it('when a counted case is refreshed unchanged or taken away, then every cube it is in moves by nothing or by the case', () => {
    expect(statsDelta(counted, counted).rows).toEqual([])
    const gone = statsDelta(counted, null).rows
    expect(gone.map((r) => r.cube)).toEqual(
      expect.arrayContaining(['day', 'month_slot', 'month_merchant', 'all_month_slot', 'all_month_merchant']),
    )
    expect(gone.every((r) => r.volume === -1)).toBe(true)
    // one stored before 0032 is taken away from the cubes it was counted in only
    expect(statsDelta(storedBefore0032, null).rows.map((r) => r.cube)).not.toContain('all_month_slot')
  })

  it('when the regulator (every site) asks and the twins are ready, then the twin answers unless a filter or grouping needs a dimension it dropped', () => {
    expect(cubeToRead('month_slot', { sites: null, by: [] }, true)).toBe('all_month_slot')
    expect(cubeToRead('month_slot', { sites: null, where: { kind: 'report' }, by: ['kind'] }, true)).toBe('all_month_slot')
    expect(cubeToRead('month_merchant', { sites: null, where: { industry: '餐饮' } }, true)).toBe('all_month_merchant')
    expect(cubeToRead('month_merchant', { sites: null, where: { kind: 'complaint' } }, true)).toBe('month_merchant')
    expect(cubeToRead('month_slot', { sites: null, by: ['site'] }, true)).toBe('month_slot')
    expect(cubeToRead('month_slot', { sites: ['site-a'], by: [] }, true)).toBe('month_slot')
    expect(cubeToRead('month_slot', { sites: [], by: [] }, true)).toBe('month_slot')
    expect(cubeToRead('day_site', { sites: null, by: ['kind'] }, true)).toBe('all_day')
    expect(cubeToRead('day_site', { sites: null, by: ['site'] }, true)).toBe('day_site')
    expect(cubeToRead('month_problem', { sites: null, by: ['problemType'] }, true)).toBe('all_month_problem')
    expect(cubeToRead('month_channel', { sites: null, by: ['channel'] }, true)).toBe('month_channel')
  })

  it('when the twins are not ready (an upgrade still filling them), then the per-site cube answers every question', () => {
    expect(cubeToRead('month_slot', { sites: null, by: [] }, false)).toBe('month_slot')
    expect(cubeToRead('day_site', { sites: null, by: ['kind'] }, false)).toBe('day_site')
    expect(cubeToRead('month_merchant', { sites: null, where: { industry: '餐饮' } }, false)).toBe('month_merchant')
  })
})
