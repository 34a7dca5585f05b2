import { refreshStats } from '../../cloudfunctions/services/stats-upkeep'
import { tick } from '../../cloudfunctions/services/tick'
import { callAs } from '../support/call-as'
import { SHOP_A } from '../support/seed-shops'
import { unique } from '../support/builders'
import { openWorkflowWorld } from '../support/workflow-world'

// The statistics' upkeep through the services (services/stats-upkeep.ts): what a filing, a consultation
// and the tick leave for the refresh after the tick, and the watermark it sets.
describe('the statistics after each tick', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())
  const EVERYTHING = { from: '2000-01-01', to: '2099-12-31', sites: null, by: [] } as const
  const totals = async () => {
    const rows = await world.store.sumCube({ cube: 'day_site', ...EVERYTHING })
    return {
      volume: rows.reduce((n, r) => n + r.volume, 0),
      response24hDue: rows.reduce((n, r) => n + r.response24hDue, 0),
      response24hMet: rows.reduce((n, r) => n + r.response24hMet, 0),
    }
  }

  it('when a complaint is filed and a consultation asked, then the refresh counts the complaint only and sets the watermark', async () => {
    const { deps, store } = world
    await world.file('upkeep-shopper-1')
    const asked = await callAs(
      deps,
      'consumer',
      { action: 'askConsultation', idempotencyKey: unique('ask').padEnd(16, '0'), merchantCode: SHOP_A.code, question: '预付卡还能退吗？' },
      { subject: 'upkeep-shopper-2' },
    )
    expect(asked).toMatchObject({ ok: true })
    expect(await store.statsWatermark()).toBeNull()
    const now = deps.clock.now()
    expect(await refreshStats(deps, now)).toEqual({ refreshed: 1, watermark: now.toISOString() })
    expect(await store.statsWatermark()).toBe(now.toISOString())
    expect(await store.listStatsPending(10)).toEqual([])
    expect(await totals()).toEqual({ volume: 1, response24hDue: 0, response24hMet: 0 })
  })

  it('when the 24-hour answer runs out with nobody acting, then the tick marks the case and the refresh after it counts it missed', async () => {
    const { deps } = world
    deps.clock.advance(2 * 24 * 3_600_000)
    await tick(deps, deps.clock.now())
    expect((await world.store.listStatsPending(10)).length).toBe(1)
    await refreshStats(deps, deps.clock.now())
    expect(await totals()).toEqual({ volume: 1, response24hDue: 1, response24hMet: 0 })
  })

  it('when more cases are marked than a pass may take, then the pass stops there and leaves the watermark where it was', async () => {
    const { deps, store } = world
    const before = await store.statsWatermark()
    await world.file('upkeep-shopper-3')
    await world.file('upkeep-shopper-4')
    deps.clock.advance(60_000)
    const now = deps.clock.now()
    expect(await refreshStats(deps, now, 1)).toEqual({ refreshed: 1, watermark: null })
    expect(await store.statsWatermark()).toBe(before)
    expect(await refreshStats(deps, now)).toEqual({ refreshed: 1, watermark: now.toISOString() })
    expect((await totals()).volume).toBe(3)
  })
  it('when the pass runs out of its time budget, then it takes no new case, keeps the rest marked and sets no watermark', async () => {
    const { deps, store } = world
    const before = await store.statsWatermark()
    for (const n of [5, 6, 7, 8]) await world.file(`upkeep-shopper-${n}`)
    deps.clock.advance(60_000)
    const now = deps.clock.now()
    // a pretend clock: each refreshed case takes 12 s of it (the cloud function's slow requests), the budget is 30 s
    let elapsedMs = 0
    const slowStore = Object.assign(Object.create(store) as typeof store, {
      refreshCaseStats: async (...args: Parameters<typeof store.refreshCaseStats>) => {
        await store.refreshCaseStats(...args)
        elapsedMs += 12_000
      },
    })
    const outOfTime = () => elapsedMs >= 30_000
    expect(await refreshStats({ ...deps, store: slowStore }, now, 100, outOfTime)).toEqual({ refreshed: 3, watermark: null })
    expect(await store.listStatsPending(10)).toHaveLength(1)
    expect(await store.statsWatermark()).toBe(before)
    expect(await refreshStats(deps, now)).toEqual({ refreshed: 1, watermark: now.toISOString() })
    expect((await totals()).volume).toBe(7)
  })
})
