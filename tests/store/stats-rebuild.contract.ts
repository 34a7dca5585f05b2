import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { rebuildStats } from '../../cloudfunctions/services/stats-rebuild'
import { refreshStats, statsFilerKey } from '../../cloudfunctions/services/stats-upkeep'
import { tick } from '../../cloudfunctions/services/tick'
import { caseFactsOf } from '../../src/domain/metrics/case-facts'
import { CUBE_IDS, CUBES, mergeCubeRows, type CubeRow } from '../../src/domain/metrics/cubes'
import { DIMENSIONS, type Grouping } from '../../src/domain/metrics/dimensions'
import type { GroupMetrics } from '../../src/domain/metrics/group'
import { metricsOf } from '../../src/domain/metrics/metrics'
import { metricsFromRollups, rollupOf, type FilerRow, type RollupRow } from '../../src/domain/metrics/rollup'
import { SITE_LESS } from '../../src/domain/metrics/site-less-cubes'
import { callAs } from '../support/call-as'
import { openWorkflowWorld, rating } from '../support/workflow-world'
import { repeatAnswers } from './stats-rebuild-repeats'

// Issue 18 "Done when": the rebuild test. Real journeys through the services (filing, the shop's answer,
// acceptance, mediation, closure, rating, a reopening, an industry line corrected, clocks run past their
// due time by ticks at later instants), the upkeep refreshing after every step as the host does after
// every tick. Then the statistics are rebuilt from the cases and must equal, row by row, what the upkeep
// kept; and both must equal the domain's own direct path over the same cases (rollupOf, metricsOf).

const HOUR = 3_600_000
const EVERYTHING = { from: '2000-01-01', to: '2099-12-31' }

const byKey = <T>(rows: T[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))

/** Every row of every cube as stored (summed by everything the cube keeps is the row itself), and the filer rows. */
async function snapshot(store: Store) {
  const cubes: CubeRow[] = []
  for (const cube of CUBE_IDS) cubes.push(...(await store.sumCube({ cube, ...EVERYTHING, sites: null, by: CUBES[cube].keep })))
  return { cubes: byKey(cubes), filers: byKey(await store.listFilerRows({ ...EVERYTHING, sites: null })) }
}

const rollupRow = ({ cube: _cube, slot: _slot, ...row }: CubeRow): RollupRow => row
/** Repeat shops need a cube that keeps the shop, repeat filers the filer rows: compared where the rows hold them. */
const withoutRepeats = (groups: GroupMetrics[]) =>
  groups.map((g) => ({ key: g.key, metrics: { ...g.metrics, repeatMerchants: null, repeatComplainants: null } }))

export function statsRebuildContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Statistics rebuild — ${adapterName}`, () => {
    let world: Awaited<ReturnType<typeof openWorkflowWorld>>
    beforeAll(async () => {
      world = await openWorkflowWorld(undefined, await open())
    })
    afterAll(async () => {
      await world?.store.close()
    })

    it('when journeys run with the upkeep after every step, then a rebuild gives the same rows, and both the direct figures', async () => {
      const { deps, who, store } = world
      const steps: string[] = []
      const refresh = async () => {
        await refreshStats(deps, deps.clock.now())
      }
      const act = async (...args: Parameters<typeof world.act>) => {
        const r = await world.act(...args)
        if (!r.ok) throw new Error(`${args[2]}: ${r.error.code}`)
        steps.push(args[2])
        deps.clock.advance(HOUR / 4)
        await refresh()
      }
      const file = async (subject: string) => {
        const id = await world.file(subject)
        deps.clock.advance(HOUR / 4)
        await refresh()
        return id
      }
      const shopper = (subject: string) => ({ subject })

      // settled, closed, rated unsatisfied and reopened
      const a = await file('stats-shopper-1')
      await act('station', a, 'accept', who['st-a'])
      await act('station', a, 'dispatch', who['st-a'])
      await act('merchant', a, 'answer', who.clerkA)
      await act('consumer', a, 'acceptOffer', shopper('stats-shopper-1'))
      await act('station', a, 'close', who['st-a'])
      await act('consumer', a, 'rate', shopper('stats-shopper-1'), '', { details: rating(false) })
      await act('station', a, 'reopen', who['st-a2'], '回访不满意')
      // the same shopper again (a repeat complainant): refused the offer, mediated with an agreement, closed, rated
      const b = await file('stats-shopper-1')
      await act('station', b, 'accept', who['st-a'])
      await act('station', b, 'dispatch', who['st-a'])
      await act('merchant', b, 'answer', who.clerkA)
      await act('consumer', b, 'refuseOffer', shopper('stats-shopper-1'), '金额不够')
      await act('station', b, 'mediate', who['st-a'])
      await act('station', b, 'close', who['st-a'])
      await act('consumer', b, 'rate', shopper('stats-shopper-1'))
      // the industry line corrected by staff (the case moves between rows), then withdrawn
      const c = await file('stats-shopper-2')
      const moved = await callAs(
        deps,
        'station',
        { action: 'setIndustry', caseId: c, industry: '价格', reason: '标价与结算价不一致' },
        who['st-a'],
      )
      expect(moved).toMatchObject({ ok: true })
      await refresh()
      await act('consumer', c, 'withdraw', shopper('stats-shopper-2'))
      // accepted and then left alone: its clocks run past their due times
      const d = await file('stats-shopper-3')
      await act('station', d, 'accept', who['st-a'])
      await act('station', d, 'dispatch', who['st-a'])
      for (const later of [2 * 24 * HOUR, 30 * 24 * HOUR]) {
        deps.clock.advance(later)
        await tick(deps, deps.clock.now())
        await refresh()
      }
      const end = deps.clock.now()
      expect(await store.statsWatermark()).toBe(end.toISOString())
      const kept = await snapshot(store)
      // the repeat complainants per calendar month, quarter and year (their counters) equal the exact tally
      const keptRepeats = await repeatAnswers(store, kept.filers)
      expect(keptRepeats.answered).toEqual(keptRepeats.tallied)
      expect(keptRepeats.answered['']).toContainEqual(expect.objectContaining({ keys: 1, cases: 2 }))

      // what the upkeep kept counts something real: four cases, a repeat filer, a missed clock
      const totals = kept.cubes.filter((r) => r.cube === 'day_site').reduce((n, r) => n + r.volume, 0)
      expect(totals).toBe(4)
      expect(kept.filers.some((f) => f.cases === 2)).toBe(true)
      const day = kept.cubes.filter((r) => r.cube === 'day')
      const sum = (name: keyof RollupRow) => day.reduce((n, r) => n + Number(r[name]), 0)
      expect(sum('merchant45Due')).toBeGreaterThan(sum('merchant45Met'))
      expect(sum('closedMediated')).toBe(1)
      expect(sum('reopenedCases')).toBe(1)
      expect(day.map((r) => r.industry)).toContain('价格')

      // the rebuild, from the cases alone, as of the same instant
      const report = await rebuildStats(deps, end)
      expect(report).toMatchObject({ cases: 4, refreshed: 4, watermark: end.toISOString() })
      const rebuilt = await snapshot(store)
      expect(rebuilt.cubes).toEqual(kept.cubes)
      expect(rebuilt.filers).toEqual(kept.filers)
      expect(await repeatAnswers(store, rebuilt.filers)).toEqual(keptRepeats) // the rebuild recounts the counters too
      // the regulator's site-less cubes (site-less-cubes.ts) are their per-site cubes summed over what they drop
      for (const [cube, twin] of Object.entries(SITE_LESS)) {
        const keep: readonly string[] = CUBES[twin].keep
        const summed = kept.cubes
          .filter((r) => r.cube === cube)
          .map((r) => ({ ...r, cube: twin, ...Object.fromEntries(DIMENSIONS.map((d) => [d, keep.includes(d) ? r[d] : ''])) }))
        const stored = kept.cubes.filter((r) => r.cube === twin)
        expect(stored.length).toBeGreaterThan(0)
        expect(byKey(mergeCubeRows(summed))).toEqual(stored)
      }

      // the domain's direct path over the same cases
      const cases = await store.listAllCases({ limit: 100, offset: 0 })
      const clocks = await store.listClocksOfCases(cases.map((x) => x.id))
      const facts = []
      for (const x of cases)
        facts.push(
          caseFactsOf(
            x,
            await store.listEvents(x.id),
            clocks.filter((k) => k.caseId === x.id),
            { asOf: end, filerKey: statsFilerKey(deps) },
          ),
        )
      const direct = rollupOf(facts)
      expect(byKey(day.map(rollupRow))).toEqual(byKey(direct.rows))
      expect(byKey(kept.filers)).toEqual(byKey<FilerRow>(direct.filers))
      const rowsOf = (cube: (typeof CUBE_IDS)[number]) => kept.cubes.filter((r) => r.cube === cube).map(rollupRow)
      const groupings: [(typeof CUBE_IDS)[number], Grouping][] = [
        ['day_site', { period: { unit: 'week' }, by: ['site', 'kind'] }],
        ['month_industry', { period: { unit: 'month' }, by: ['industry'] }],
        ['month_problem', { period: { unit: 'quarter' }, by: ['problemType'] }],
        ['month_channel', { by: ['channel'] }],
      ]
      for (const [cube, grouping] of groupings)
        expect(withoutRepeats(metricsFromRollups({ rows: rowsOf(cube), filers: [] }, grouping))).toEqual(
          withoutRepeats(metricsOf(facts, grouping)),
        )
      // the shop's cube answers repeat shops too; the full cube with the filer rows answers everything
      const shops: Grouping = { period: { unit: 'month' }, by: ['merchant'] }
      const full = metricsFromRollups({ rows: rowsOf('month_merchant'), filers: [] }, shops)
      expect(full.map((g) => g.metrics.repeatMerchants)).toEqual(metricsOf(facts, shops).map((g) => g.metrics.repeatMerchants))
      const all: Grouping = { period: { unit: 'month' }, by: ['site', 'industry'] }
      expect(metricsFromRollups({ rows: rowsOf('day'), filers: kept.filers }, all)).toEqual(metricsOf(facts, all))
    })
  })

  // 标签 (docs/tags.md): staff confirm a case's tags, then change them; the upkeep moves the case between
  // month_tag rows, and a rebuild from the cases and their confirmed tags gives the same rows.
  describe(`Statistics rebuild with tags — ${adapterName}`, () => {
    let world: Awaited<ReturnType<typeof openWorkflowWorld>>
    beforeAll(async () => {
      world = await openWorkflowWorld(undefined, await open())
    })
    afterAll(async () => {
      await world?.store.close()
    })

    it('when tags are confirmed and then changed, then the kept tag rows follow the latest confirmation and equal a rebuild', async () => {
      const { deps, who, store } = world
      const refresh = () => refreshStats(deps, deps.clock.now())
      const confirm = async (caseId: string, tagIds: string[]) => {
        const r = await callAs(deps, 'station', { action: 'confirmTags', caseId, tagIds }, who['st-a'])
        expect(r).toMatchObject({ ok: true })
        deps.clock.advance(HOUR / 4)
        await refresh()
      }
      const tagRows = async () =>
        byKey((await store.sumCube({ cube: 'month_tag', ...EVERYTHING, sites: null, by: [] })).map((r) => [r.tag, r.volume]))
      const a = await world.file('tag-shopper-1')
      const b = await world.file('tag-shopper-2')
      await world.file('tag-shopper-3') // never tagged: in no tag row
      await refresh()
      expect(await tagRows()).toEqual([])
      await confirm(a, ['prepaid-card', 'elderly'])
      await confirm(b, ['prepaid-card'])
      expect(await tagRows()).toEqual(
        byKey([
          ['elderly', 1],
          ['prepaid-card', 2],
        ]),
      )
      await confirm(a, ['quality'])
      await confirm(b, [])
      // the tick moves the clocks that ran out meanwhile (and marks their cases), as the host does before each refresh
      await tick(deps, deps.clock.now())
      await refresh()
      const end = deps.clock.now()
      const kept = await snapshot(store)
      expect(kept.cubes.filter((r) => r.cube === 'month_tag').map((r) => [r.tag, r.volume])).toEqual([['quality', 1]])
      expect(kept.cubes.filter((r) => r.cube === 'day_site').reduce((n, r) => n + r.volume, 0)).toBe(3)

      const report = await rebuildStats(deps, end)
      expect(report).toMatchObject({ cases: 3, refreshed: 3 })
      expect(await snapshot(store)).toEqual(kept)
    })
  })
}
