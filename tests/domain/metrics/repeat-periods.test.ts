import {
  calendarPeriodOf,
  cellKey,
  counterDeltasOf,
  periodStartOf,
  REPEAT_GRAINS,
  splitRepeatPeriods,
  tallyDeltasOf,
  type TallyDelta,
} from '../../../src/domain/metrics/repeat-periods'
import type { RepeatCount } from '../../../src/domain/metrics/repeats'
import type { FilerRow } from '../../../src/domain/metrics/rollup'
import { repeatsByPeriodOf } from '../../../src/domain/metrics/shop-ranking'

const dims = (site: string) => ({ site, merchant: 'm', industry: '餐饮', problemType: '质量', channel: 'qr', kind: 'complaint' })
const filer = (day: string, filerKey: string, cases: number, site = 'site-a'): FilerRow => ({ day, dims: dims(site), filerKey, cases })

describe('repeat complainants per calendar period', () => {
  it('when a range is a whole calendar month, quarter or year, then it is that period; any other range is none', () => {
    expect(calendarPeriodOf('2026-02-01', '2026-02-28')).toEqual({ grain: 'month', start: '2026-02-01' })
    expect(calendarPeriodOf('2028-02-01', '2028-02-29')).toEqual({ grain: 'month', start: '2028-02-01' })
    expect(calendarPeriodOf('2026-04-01', '2026-06-30')).toEqual({ grain: 'quarter', start: '2026-04-01' })
    expect(calendarPeriodOf('2026-01-01', '2026-12-31')).toEqual({ grain: 'year', start: '2026-01-01' })
    for (const [from, to] of [
      ['2026-02-01', '2026-02-27'], // cut short
      ['2026-02-02', '2026-02-28'],
      ['2026-01-01', '2026-02-28'], // two months: a 合计 that is no quarter
      ['2026-02-01', '2026-04-30'], // three months across quarters
      ['2026-01-01', '2026-06-30'],
      ['2025-12-01', '2026-02-28'],
    ])
      expect(calendarPeriodOf(from, to)).toBeNull()
    expect(REPEAT_GRAINS.map((g) => periodStartOf('2026-08-17', g))).toEqual(['2026-08-01', '2026-07-01', '2026-01-01'])
  })

  it('when a question has filters, several sites or ranges that are no calendar period, then those go to the exact tally', () => {
    const periods = [
      { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { period: '', from: '2026-01-01', to: '2026-02-28' },
    ]
    const split = splitRepeatPeriods({ periods, sites: ['site-a'] })
    expect(split.counted.map((p) => [p.period, p.cell])).toEqual([['2026-01', { grain: 'month', start: '2026-01-01', site: 'site-a' }]])
    expect(split.exact).toEqual([periods[1]])
    expect(splitRepeatPeriods({ periods, sites: null }).counted[0].cell.site).toBe('')
    expect(splitRepeatPeriods({ periods, sites: ['site-a', 'site-b'] }).counted).toEqual([])
    expect(splitRepeatPeriods({ periods, sites: null, where: { kind: 'complaint' } }).counted).toEqual([])
    expect(splitRepeatPeriods({ periods, sites: null, where: { kind: undefined } }).counted).toHaveLength(1)
  })

  // The invariant the stores keep: counters moved by counterDeltasOf at every refresh are repeatsOf(the
  // period's tallies), i.e. the exact tally of the filer rows, whatever the order cases come and go.
  it('when filer rows come and go in any order, then the counters kept from the deltas equal the exact tally of every period', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const days = ['2026-01-31', '2026-02-01', '2026-03-31', '2026-04-01', '2026-12-31']
    const live: FilerRow[] = []
    const tallies = new Map<string, number>()
    const counters = new Map<string, RepeatCount>()
    const apply = (delta: FilerRow[]) => {
      const changes = tallyDeltasOf(delta).map((t: TallyDelta) => {
        const key = `${cellKey(t)}|${t.filerKey}`
        const before = tallies.get(key) ?? 0
        tallies.set(key, before + t.cases)
        return { ...t, before, after: before + t.cases }
      })
      for (const c of counterDeltasOf(changes)) {
        const was = counters.get(cellKey(c)) ?? { keys: 0, cases: 0 }
        counters.set(cellKey(c), { keys: was.keys + c.keys, cases: was.cases + c.cases })
      }
    }
    for (let step = 0; step < 400; step++) {
      if (live.length > 0 && rnd() < 0.4) {
        const [gone] = live.splice(Math.floor(rnd() * live.length), 1)
        // a case leaving, or changing its site or day in the same refresh (the old row out, a new one in)
        if (rnd() < 0.5) apply([{ ...gone, cases: -1 }])
        else {
          const moved = filer(days[Math.floor(rnd() * days.length)], gone.filerKey, 1, rnd() < 0.5 ? 'site-a' : 'site-b')
          live.push(moved)
          apply([{ ...gone, cases: -1 }, moved])
        }
      } else {
        const f = filer(days[Math.floor(rnd() * days.length)], `f-${Math.floor(rnd() * 4)}`, 1, rnd() < 0.5 ? 'site-a' : 'site-b')
        live.push(f)
        apply([f])
      }
      for (const [grain, from, to] of [
        ['month', '2026-02-01', '2026-02-28'],
        ['quarter', '2026-01-01', '2026-03-31'],
        ['year', '2026-01-01', '2026-12-31'],
      ] as const)
        for (const site of ['', 'site-a', 'site-b']) {
          const rows = live.filter((f) => site === '' || f.dims.site === site)
          const exact = repeatsByPeriodOf(
            rows.map((f) => ({ day: f.day, key: f.filerKey, n: f.cases })),
            [{ period: 'p', from, to }],
          )
          const kept = counters.get(cellKey({ grain, start: from, site })) ?? { keys: 0, cases: 0 }
          expect(kept.keys > 0 ? [{ period: 'p', ...kept }] : []).toEqual(exact)
          expect(kept.keys === 0 && kept.cases !== 0).toBe(false) // a counter at no filer holds no cases
        }
    }
  })
})
