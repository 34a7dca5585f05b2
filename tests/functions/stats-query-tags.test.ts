import type { Caller } from '../../src/domain/identity'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import type { CaseFacts } from '../../src/domain/metrics/case-facts'
import { metricsOf } from '../../src/domain/metrics/metrics'
import { StatsQuerySchema } from '../../src/domain/metrics/stats-query.schema'
import { defaultTags, TAGS_SEEDED_AT } from '../../src/domain/tags/default-tags'
import { queryStats } from '../../cloudfunctions/services/stats-query'
import { MemoryStatsStore } from '../support/memory-stats-store'
import { FACTS } from '../domain/metrics/world'

// 按标签 on the statistics service (docs/tags.md), over the fixed world of tests/domain/metrics/world.ts with
// confirmed tags given to some of its cases by hand, and the TEST DOUBLE of the StatsStore port (the real
// stores' tag cube is checked by tests/store/stats-tags.contract.ts). A tag's figures must equal the domain's
// direct computation over the cases carrying it.
const TAGGED: Record<string, string[]> = {
  C01: ['prepaid-card', 'elderly'],
  C02: ['prepaid-card'],
  C05: ['quality'],
  C08: ['prepaid-card'],
  C12: ['elderly'],
}
const WORLD: CaseFacts[] = FACTS.map((f) => ({ ...f, tags: TAGGED[f.caseId] ?? [] }))
const SITES = [{ id: 'S1', name: '星河广场' } as Site, { id: 'S2', name: '老街市场' } as Site]
const TAGS = defaultTags(TAGS_SEEDED_AT)

class WorldStore extends MemoryStatsStore {
  getSite = async (id: string) => SITES.find((s) => s.id === id) ?? null
  listSites = async () => SITES
  getMerchant = async (): Promise<Merchant | null> => null
  listMerchantsOfSite = async (): Promise<Merchant[]> => []
  listTags = async () => TAGS
}

const REGULATOR: Caller = {
  subject: 'regulator-openid',
  memberships: [],
  staff: { staffId: 'regulator-all', role: 'regulator', siteId: null, displayName: '区局' },
}
const Q1 = { from: '2026-01-01', to: '2026-03-31' }

async function view(input: Record<string, unknown>, store = new WorldStore(WORLD)) {
  const r = await queryStats({ caller: REGULATOR, deps: { store } }, StatsQuerySchema.parse(input))
  if (!r.ok) throw new Error(r.error.code)
  return r.data
}
const carrying = (tag: string) => WORLD.filter((f) => f.tags.includes(tag))
const noRepeats = <T extends object>(m: T) => ({ ...m, repeatMerchants: null, repeatComplainants: null })

describe('statistics service: by tag', () => {
  it('when the standard page is asked, then each tag has a bar of the cases carrying it, every active tag listed, and the bars do not sum to the total', async () => {
    const v = await view({ ...Q1, unit: 'month' })
    const bar = (id: string) => v.byTag?.bars.find((b) => b.id === id)
    expect(v.byTag?.months).toEqual({ from: '2026-01-01', to: '2026-03-01' })
    expect(bar('prepaid-card')).toEqual({ id: 'prepaid-card', name: '预付卡', volume: 3 })
    expect(bar('elderly')).toMatchObject({ name: '老年人', volume: 2 })
    expect(bar('quality')).toMatchObject({ volume: 1 })
    expect(v.byTag?.bars.map((b) => b.id)).toEqual(TAGS.filter((t) => t.active).map((t) => t.id))
    expect(v.byTag?.bars.reduce((n, b) => n + b.volume, 0)).toBe(6) // 5 tagged cases, C01 twice; 14 in total
    expect(v.total.volume).toBe(14)
    expect(v.tag).toBeNull()
  })

  it('when a tag filter is set, then the per-period figures are those of the cases carrying it, from the tag cube', async () => {
    const store = new WorldStore(WORLD)
    const v = await view({ ...Q1, unit: 'month', tag: 'prepaid-card' }, store)
    expect(v.tag).toEqual({ id: 'prepaid-card', name: '预付卡' })
    expect(v.sources.periods).toBe('month_tag')
    expect(store.asked.filter((a) => a.tag).map((a) => [a.cube, a.tag])).toEqual([['month_tag', 'prepaid-card']])
    const direct = metricsOf(carrying('prepaid-card'), { period: { unit: 'month' }, range: Q1, by: [] })
    const byPeriod = new Map(direct.map((g) => [g.key.period, g.metrics]))
    for (const p of v.periods) if (byPeriod.has(p.period)) expect(noRepeats(p.metrics)).toEqual(noRepeats(byPeriod.get(p.period)!))
    expect(noRepeats(v.total)).toEqual(noRepeats(metricsOf(carrying('prepaid-card'), { range: Q1, by: [] })[0].metrics))
    expect(v.total.volume).toBe(3)
    // the parts the tag cube cannot answer are left empty, not answered for every case
    expect([v.weekly, v.byIndustry, v.byProblemType, v.topMerchants, v.heatMap]).toEqual([[], [], [], [], null])
  })

  it('when a tag filter is combined with a kind and a quarter, then only that kind counts', async () => {
    const v = await view({ ...Q1, unit: 'quarter', tag: 'elderly', kind: 'complaint' })
    const expected = carrying('elderly').filter((f) => f.dims.kind === 'complaint')
    expect(v.total.volume).toBe(expected.length)
  })

  it('when a tag filter asks for days, weeks, a part of a month, another filter or an unknown tag, then it is refused with a reason', async () => {
    const parse = (input: Record<string, unknown>) => StatsQuerySchema.safeParse({ ...Q1, unit: 'month', ...input })
    expect(parse({ tag: 'elderly', unit: 'week' }).error?.issues[0]).toMatchObject({ path: ['unit'] })
    expect(parse({ tag: 'elderly', from: '2026-01-05' }).error?.issues[0].message).toContain('整月')
    expect(parse({ tag: 'elderly', industry: '食品' }).error?.issues[0].message).toContain('不能同时')
    const r = await queryStats(
      { caller: REGULATOR, deps: { store: new WorldStore(WORLD) } },
      StatsQuerySchema.parse({ ...Q1, tag: 'nope' }),
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('when the tag read fails while the other parts are still running, or another part fails first, then the query fails as one error and no rejection goes unhandled', async () => {
    const unhandled: unknown[] = []
    const listen = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', listen)
    try {
      const tagsFail = new WorldStore(WORLD)
      tagsFail.listTags = () => Promise.reject(new Error('database away'))
      await expect(view({ ...Q1, unit: 'month' }, tagsFail)).rejects.toThrow('database away')

      const bothFail = new WorldStore(WORLD)
      bothFail.listTags = () => Promise.reject(new Error('tags away'))
      bothFail.statsWatermark = () => Promise.reject(new Error('watermark away'))
      await expect(view({ ...Q1, unit: 'month' }, bothFail)).rejects.toThrow('watermark away')
      await new Promise((resolve) => setImmediate(resolve)) // unhandled rejections are reported after the microtasks
    } finally {
      process.off('unhandledRejection', listen)
    }
    expect(unhandled).toEqual([])
  })
})
