import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { CaseContribution } from '../../src/domain/metrics/cubes'
import { repeatsByPeriodOf, type PeriodRange } from '../../src/domain/metrics/shop-ranking'
import { NOW } from './clock-fixtures'
import { calendarRange } from './stats-calendar-periods'
import { contribution, refreshCase, sorted } from './stats-contract-fixtures'

// Repeat complainants per calendar month, quarter and year from their counters (src/domain/metrics/
// repeat-periods.ts, docs/statistics-scale.md), on every store: after filings, re-marks, a change of kind,
// a change of site and cases leaving, every month, quarter and the year, for each site and for every site,
// equal the exact tally of the filer rows (repeatsByPeriodOf, the domain's definition) and figures by hand.

const pad = (n: number) => String(n).padStart(2, '0')
const MONTHS: PeriodRange[] = [...Array(12).keys()].map((i) => ({
  period: `2026-${pad(i + 1)}`,
  ...calendarRange(`2026-${pad(i + 1)}-01`, 'month'),
}))
const QUARTERS: PeriodRange[] = [1, 2, 3, 4].map((q) => ({ period: `2026-Q${q}`, ...calendarRange(`2026-${pad(q * 3)}-01`, 'quarter') }))
const CALENDAR: PeriodRange[] = [...MONTHS, ...QUARTERS, { period: '2026', from: '2026-01-01', to: '2026-12-31' }]
const SCOPES = [null, ['site-a'], ['site-b']]

export function statsRepeatCountersContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, repeat complainants per calendar period — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })
    // the upkeep sets the watermark once the queue is empty (CloudBase reads its counters once that says they are whole)
    const refresh = async (caseId: string, next: CaseContribution | null) => {
      await refreshCase(store, caseId, next)
      await store.setStatsWatermark(NOW)
    }
    const counted = async (sites: string[] | null) => sorted(await store.countRepeats({ of: 'complainants', periods: CALENDAR, sites }))
    const tallied = async (sites: string[] | null) => {
      const rows = await store.listFilerRows({ from: '2026-01-01', to: '2026-12-31', sites })
      return sorted(
        repeatsByPeriodOf(
          rows.map((f) => ({ day: f.day, key: f.filerKey, n: f.cases })),
          CALENDAR,
        ),
      )
    }
    const expectExact = async () => {
      for (const sites of SCOPES) expect(await counted(sites)).toEqual(await tallied(sites))
    }

    it('when cases are filed, re-marked, change kind and site, and leave, then every calendar period equals the exact tally', async () => {
      const a = (day: string, filer: string | null, site = 'site-a') => contribution(day, { site }, {}, filer)
      // f-x: 10 January and 10 February at site-a (a repeat in Q1 and the year, in neither month);
      // f-y: 5 January at site-a, 20 January at site-b (a repeat in January for every site only);
      // f-z: three cases in April at site-a; one case without a filer
      await refresh('x1', a('2026-01-10', 'f-x'))
      await refresh('x2', a('2026-02-10', 'f-x'))
      await refresh('y1', a('2026-01-05', 'f-y'))
      await refresh('y2', a('2026-01-20', 'f-y', 'site-b'))
      for (const id of ['z1', 'z2', 'z3']) await refresh(id, a('2026-04-15', 'f-z'))
      await refresh('n1', a('2026-04-15', null))
      expect(await counted(null)).toEqual(
        sorted([
          { period: '2026-01', keys: 1, cases: 2 },
          { period: '2026-04', keys: 1, cases: 3 },
          { period: '2026-Q1', keys: 2, cases: 4 },
          { period: '2026-Q2', keys: 1, cases: 3 },
          { period: '2026', keys: 3, cases: 7 },
        ]),
      )
      expect(await counted(['site-a'])).toEqual(
        sorted([
          { period: '2026-04', keys: 1, cases: 3 },
          { period: '2026-Q1', keys: 1, cases: 2 },
          { period: '2026-Q2', keys: 1, cases: 3 },
          { period: '2026', keys: 2, cases: 5 },
        ]),
      )
      expect(await counted(['site-b'])).toEqual([])
      await expectExact()

      // re-marked unchanged, and a change of kind: the tallies are the same, so are the counters
      await refresh('x1', a('2026-01-10', 'f-x'))
      await refresh('z2', contribution('2026-04-15', { kind: 'report' }, {}, 'f-z'))
      await expectExact()
      expect(await counted(null)).toContainEqual({ period: '2026', keys: 3, cases: 7 })

      // y1 moves to site-b: f-y now repeats in January at site-b as well
      await refresh('y1', a('2026-01-05', 'f-y', 'site-b'))
      await expectExact()
      expect(await counted(['site-b'])).toEqual(
        sorted([
          { period: '2026-01', keys: 1, cases: 2 },
          { period: '2026-Q1', keys: 1, cases: 2 },
          { period: '2026', keys: 1, cases: 2 },
        ]),
      )

      // cases leave: f-z goes from 3 to 2 (still a repeat, one case fewer) and f-x from 2 to 1 (no longer one)
      await refresh('z3', null)
      await refresh('x2', null)
      await expectExact()
      expect(await counted(null)).toEqual(
        sorted([
          { period: '2026-01', keys: 1, cases: 2 },
          { period: '2026-04', keys: 1, cases: 2 },
          { period: '2026-Q1', keys: 1, cases: 2 },
          { period: '2026-Q2', keys: 1, cases: 2 },
          { period: '2026', keys: 2, cases: 4 },
        ]),
      )
      // … and comes back, in another month of the quarter: a repeat in Q1 again, in neither month
      await refresh('x2', a('2026-03-31', 'f-x'))
      await expectExact()
      expect(await counted(['site-a'])).toContainEqual({ period: '2026-Q1', keys: 1, cases: 2 })

      // every case gone: no counter answers anything
      for (const id of ['x1', 'x2', 'y1', 'y2', 'z1', 'z2', 'n1']) await refresh(id, null)
      for (const sites of SCOPES) expect(await counted(sites)).toEqual([])
    })

    it('when a question mixes calendar periods with others, then each is answered as the exact tally would', async () => {
      await refresh('p1', contribution('2026-01-30', {}, {}, 'f-p'))
      await refresh('p2', contribution('2026-02-02', {}, {}, 'f-p'))
      await refresh('q1', contribution('2026-02-03', { kind: 'report' }, {}, 'f-q'))
      await refresh('q2', contribution('2026-02-04', {}, {}, 'f-q'))
      const periods: PeriodRange[] = [
        { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
        { period: '2026-02', from: '2026-02-01', to: '2026-02-28' },
        // a 合计 over two months (no calendar quarter) and a month cut short by a custom range
        { period: '', from: '2026-01-01', to: '2026-02-28' },
        { period: '2026-02~', from: '2026-02-03', to: '2026-02-28' },
      ]
      expect(await store.countRepeats({ of: 'complainants', periods, sites: null })).toEqual([
        { period: '2026-02', keys: 1, cases: 2 },
        { period: '', keys: 2, cases: 4 },
        { period: '2026-02~', keys: 1, cases: 2 },
      ])
      // a filter, and a list of two sites, are tallied (the counters keep neither)
      expect(await store.countRepeats({ of: 'complainants', periods, sites: null, where: { kind: 'complaint' } })).toEqual([
        { period: '', keys: 1, cases: 2 },
      ])
      expect(await store.countRepeats({ of: 'complainants', periods, sites: ['site-a', 'site-b'] })).toEqual([
        { period: '2026-02', keys: 1, cases: 2 },
        { period: '', keys: 2, cases: 4 },
        { period: '2026-02~', keys: 1, cases: 2 },
      ])
      expect(await store.countRepeats({ of: 'complainants', periods, sites: [] })).toEqual([])
    })
  })
}
