// The statistics page's questions the bench times (bench-stats.ts), each through the store's own methods:
// a station's (one site) and the regulator's (every site, sites null), and reference lines of what the page
// read before. bench-stats-explain.ts runs the regulator's once more to log their plans.
import type { CubeQuery, StatsStore } from '../cloudfunctions/ports/stats-store'
import { CHART_SUMS } from '../src/domain/metrics/cube-grain'
import type { PeriodRange } from '../src/domain/metrics/shop-ranking'
import { STREAK_TOP, TOP_N } from '../src/domain/metrics/top-merchants'

const QUARTER = { from: '2026-04-01', to: '2026-06-30' }
/** One question of the page: it runs the store's calls (in parallel, as the service does) and answers how many rows came back. */
export type Question = (stats: StatsStore) => Promise<number>
const cube =
  (q: CubeQuery): Question =>
  async (stats) =>
    (await stats.sumCube(q)).length
const MONTHS: PeriodRange[] = [
  { period: '2026-04', from: '2026-04-01', to: '2026-04-30' },
  { period: '2026-05', from: '2026-05-01', to: '2026-05-31' },
  { period: '2026-06', from: '2026-06-01', to: '2026-06-30' },
  { period: '', ...QUARTER },
]
const station = (sites: string[] | null): [string, Question][] => [
  // as the service asks them (stats-query.ts): the trend by no dimension, each chart at its grain and counters (CHART_SUMS)
  ['weekly trend (day_site)', cube({ cube: 'day_site', ...QUARTER, sites, by: [], ...CHART_SUMS.trend('month') })],
  ['bars by industry (month_industry)', cube({ cube: 'month_industry', ...QUARTER, sites, by: ['industry'], ...CHART_SUMS.bars })],
  ['bars by problem (month_problem)', cube({ cube: 'month_problem', ...QUARTER, sites, by: ['problemType'], ...CHART_SUMS.bars })],
  [
    'top shops (rankShops + monthTopShops)',
    async (stats) => {
      const [range, tops] = await Promise.all([
        stats.rankShops({ cube: 'month_merchant', ...QUARTER, sites, top: TOP_N }),
        stats.monthTopShops({ from: '2026-02-01', to: QUARTER.to, sites, top: STREAK_TOP }),
      ])
      return range.lines.length + range.shops.length + tops.length
    },
  ],
  ['heat map (month_slot)', cube({ cube: 'month_slot', ...QUARTER, sites, by: [], ...CHART_SUMS.heat })],
  [
    'repeat shops and complainants (countRepeats ×2)',
    async (stats) => {
      const [shops, filers] = await Promise.all([
        stats.countRepeats({ of: { shops: 'month_merchant' }, periods: MONTHS, sites }),
        stats.countRepeats({ of: 'complainants', periods: MONTHS, sites }),
      ])
      return shops.length + filers.length
    },
  ],
]
export const QUERIES: [string, Question][] = [
  ...station(['site-3']).map(([name, q]): [string, Question] => [`station · ${name}`, q]),
  ...station(null).map(([name, q]): [string, Question] => [`regulator · ${name}`, q]),
  // what the page read before the store ranked the shops and counted the repeats (not in the page's sum)
  [
    'reference · regulator top shops as every shop-month row (sumCube month_merchant)',
    cube({ cube: 'month_merchant', from: '2026-02-01', to: QUARTER.to, sites: null, where: {}, by: ['industry', 'merchant'] }),
  ],
  // repeat complainants alone: the quarter by month (whole calendar periods: their counters, migration 0034), and
  // the same quarter from its second day (no calendar period: the exact tally over the range's filer rows)
  [
    'reference · regulator repeat complainants, the quarter by month (countRepeats: counters)',
    async (stats) => (await stats.countRepeats({ of: 'complainants', periods: MONTHS, sites: null })).length,
  ],
  [
    'reference · regulator repeat complainants, 2 April to 30 June by month (countRepeats: exact tally)',
    async (stats) =>
      (
        await stats.countRepeats({
          of: 'complainants',
          periods: [
            { period: '2026-04~', from: '2026-04-02', to: '2026-04-30' },
            ...MONTHS.slice(1, 3),
            { period: '', from: '2026-04-02', to: QUARTER.to },
          ],
          sites: null,
        })
      ).length,
  ],
  [
    'reference · regulator filer rows of the quarter (listFilerRows)',
    async (stats) => (await stats.listFilerRows({ ...QUARTER, sites: null })).length,
  ],
  [
    'custom · full day cube, H1, 餐饮 × 预付卡 × complaints, all sites, by shop',
    cube({
      cube: 'day',
      from: '2026-01-01',
      to: '2026-06-30',
      sites: null,
      where: { industry: '餐饮', problemType: '预付卡', kind: 'complaint' },
      by: ['merchant'],
    }),
  ],
]
