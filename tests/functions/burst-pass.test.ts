import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { checkBursts } from '../../cloudfunctions/services/bursts/burst-pass'
import type { Deps } from '../../cloudfunctions/services/context'
import { PROBLEM_TYPES } from '../../src/domain/classification'
import type { Case } from '../../src/domain/case.schema'
import type { Merchant } from '../../src/domain/merchant.schema'
import { aMerchant } from '../support/builders'
import { makeDeps, openTestStore } from '../support/test-deps'
import { aSavedShop, fileAgainst } from '../store/filed-case-fixture'

// The burst pass after each tick (services/bursts/burst-pass.ts), with fixed dates: it checks the
// complaints filed since its watermark — also one whose write committed after the watermark was set —
// raises each window's alert once even when two hosts pass at once, and raises the baseline jump
// against the shop's own 28 days. A site's own K and window apply to its complaints only.
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 3_600_000

describe('the burst pass after the tick', () => {
  let store: Store & StoreInspection
  let deps: Deps & { clock: { set(d: Date): void } }
  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
  })
  afterAll(() => store.close())

  const fileAt = (shop: Merchant, at: number, over: Partial<Case> = {}) =>
    fileAgainst(store, shop, { createdAt: iso(at), receivedAt: iso(at), updatedAt: iso(at), ...over }).then(({ c }) => c)
  const pass = (at: number) => {
    deps.clock.set(new Date(at))
    return checkBursts(deps, new Date(at))
  }
  const alertsOf = async (shop: Merchant, basis: string) => (await store.listBurstAlerts(shop.siteId, 20)).filter((a) => a.basis === basis)

  it('when a filing commits after the pass set its watermark, then the next pass still counts it and raises the alert', async () => {
    const shop = await aSavedShop(store)
    const t = Date.parse('2026-11-10T02:00:00Z')
    const four = []
    for (const h of [0, 2, 5, 9]) four.push(await fileAt(shop, t + h * HOUR))
    await pass(t + 10 * HOUR)
    expect(await alertsOf(shop, 'merchant')).toEqual([])
    // stamped 20 s before the pass at 20:00 took its mark, written after it: the overlap (PASS_OVERLAP_MS, 60 s) looks back for it
    const late = await pass(t + 20 * HOUR).then(() => fileAt(shop, t + 20 * HOUR - 20_000))
    const report = await pass(t + 20 * HOUR + 60_000)
    const [alert, ...more] = await alertsOf(shop, 'merchant')
    expect(more).toEqual([])
    expect(alert.caseIds).toEqual([...four.map((c) => c.id), late.id])
    expect(report.raised).toBeGreaterThanOrEqual(1)
    // the next tick checks the same young case again and raises nothing
    expect((await pass(t + 20 * HOUR + 120_000)).raised).toBe(0)
    expect(await alertsOf(shop, 'merchant')).toHaveLength(1)
  })

  it('when two hosts pass at once, then each window has one alert and it is told once', async () => {
    const shop = await aSavedShop(store)
    const t = Date.parse('2026-11-12T02:00:00Z')
    for (const h of [0, 1, 2, 3, 4]) await fileAt(shop, t + h * HOUR)
    const [a, b] = await Promise.all([pass(t + 5 * HOUR), pass(t + 5 * HOUR)])
    const alerts = await alertsOf(shop, 'merchant')
    expect(alerts).toHaveLength(1)
    const rows = (await store.listPendingOutbox(10_000)).filter(
      (m) => m.caseId === alerts[0].triggerCaseId && m.template === 'burst.station.alert',
    )
    expect(rows).toHaveLength(1)
    expect(a.raised + b.raised).toBe(2) // the shop's alert and its day's baseline alert, each by one of them
  })

  it('when a busy shop has its usual day, then no baseline alert; when the day reaches 3 × its average, then one', async () => {
    const shop = await aSavedShop(store)
    const dayStart = Date.parse('2026-11-19T16:00:00Z') // 2026-11-20 00:00 Beijing
    // two complaints a day over the 28 days before: an average of 2, so the day needs 6
    for (let d = 1; d <= 28; d++) for (const h of [2, 6]) await fileAt(shop, dayStart - d * 24 * HOUR + h * HOUR)
    await pass(dayStart) // the history is behind the mark
    // the day's complaints are about different things: no similar-complaints burst, only the count
    const kinds = PROBLEM_TYPES.slice(0, 6)
    for (const [i, problemType] of kinds.slice(0, 5).entries())
      await fileAt(shop, dayStart + (i + 1) * HOUR, { problemType, description: `第${i}件：${problemType}`, product: '' })
    await pass(dayStart + 6 * HOUR)
    expect(await alertsOf(shop, 'baseline')).toEqual([])
    const sixth = await fileAt(shop, dayStart + 7 * HOUR, { problemType: kinds[5], description: '第6件', product: '' })
    await pass(dayStart + 8 * HOUR)
    const [alert, ...more] = await alertsOf(shop, 'baseline')
    expect(more).toEqual([])
    expect(alert).toMatchObject({
      key: `baseline:${shop.id}`,
      windowStart: iso(dayStart),
      windowEnd: iso(dayStart + 24 * HOUR),
      triggerCaseId: sixth.id,
    })
    expect(alert.caseIds).toHaveLength(6)
    expect(await alertsOf(shop, 'merchant')).toEqual([])
    // a seventh the same day raises nothing more: once per day
    await fileAt(shop, dayStart + 9 * HOUR, { problemType: '其他', description: '第7件', product: '' })
    await pass(dayStart + 10 * HOUR)
    expect(await alertsOf(shop, 'baseline')).toHaveLength(1)
  })

  it("when a site sets K=3 within 12 h, then its third within 12 h raises and not over 13 h; another site keeps 5 / 24 h; each site's setting is read once a pass", async () => {
    const [tight, slow, usual] = [await aSavedShop(store), await aSavedShop(store), await aSavedShop(store)]
    for (const shop of [tight, slow])
      await store.saveBurstSettings({ siteId: shop.siteId, k: 3, windowHours: 12, updatedBy: 'st-1', updatedAt: null })
    const t = Date.parse('2026-11-26T01:00:00Z')
    for (const [shop, last] of [
      [tight, 11],
      [slow, 13],
      [usual, 11],
    ] as const)
      for (const h of [0, 5, last]) await fileAt(shop, t + h * HOUR)
    const reads = jest.spyOn(store, 'getBurstSettings')
    await pass(t + 14 * HOUR)
    const [alert, ...more] = await alertsOf(tight, 'merchant')
    expect(more).toEqual([])
    expect(alert).toMatchObject({ windowStart: iso(t), windowEnd: iso(t + 12 * HOUR) })
    expect(alert.caseIds).toHaveLength(3)
    expect(await alertsOf(slow, 'merchant')).toEqual([])
    expect(await alertsOf(usual, 'merchant')).toEqual([])
    // nine complaints on three sites: three reads of a setting, not nine
    expect(reads.mock.calls.map(([siteId]) => siteId).sort()).toEqual([tight.siteId, slow.siteId, usual.siteId].sort())
    reads.mockRestore()
  })

  it('when a pass may check fewer cases than wait (the clock function), then it moves its watermark to the last it checked and the next pass goes on', async () => {
    const shop = await aSavedShop(store)
    const t = Date.parse('2026-11-28T01:00:00Z')
    const filed = []
    for (const h of [0, 1, 2, 3, 4]) filed.push(await fileAt(shop, t + h * HOUR))
    deps.clock.set(new Date(t + 5 * HOUR))
    const first = await checkBursts(deps, new Date(t + 5 * HOUR), 3)
    expect(first).toMatchObject({ checked: 3, watermark: filed[2].createdAt })
    expect(await alertsOf(shop, 'merchant')).toEqual([]) // (the third of a new shop's day is its baseline alert)
    const second = await checkBursts(deps, new Date(t + 5 * HOUR + 60_000), 3)
    expect(second.raised).toBe(1)
    expect((await alertsOf(shop, 'merchant')).map((a) => a.caseIds)).toEqual([filed.map((c) => c.id)])
  })

  it('when the site shortens its window after an alert, then complaints inside the alerted window raise nothing new', async () => {
    const shop = await aSavedShop(store)
    const t = Date.parse('2026-11-29T01:00:00Z')
    for (const h of [0, 1, 2, 3, 4]) await fileAt(shop, t + h * HOUR)
    await pass(t + 5 * HOUR) // 5 within 24 h: the window runs to t + 24 h
    expect(await alertsOf(shop, 'merchant')).toHaveLength(1)
    await store.saveBurstSettings({ siteId: shop.siteId, k: 5, windowHours: 1, updatedBy: 'st-1', updatedAt: null })
    for (const m of [0, 10, 20, 30, 40]) await fileAt(shop, t + 8 * HOUR + m * 60_000)
    await pass(t + 9 * HOUR)
    expect(await alertsOf(shop, 'merchant')).toHaveLength(1)
  })

  it("when a busy site files more than 200 other cases between a product's first and fifth complaint, then the product alert still holds all five", async () => {
    const shop = await aSavedShop(store)
    const site = await store.getSite(shop.siteId)
    if (!site) throw new Error('no site')
    const neighbour = aMerchant(site) // another shop on the same site: a product's burst spans shops
    await store.saveMerchant(neighbour)
    const t = Date.parse('2026-12-02T01:00:00Z')
    await pass(t - HOUR) // the watermark: everything below is new to the next pass
    const kettle = { product: '电热水壶', problemType: '质量' as const }
    const product = [await fileAt(shop, t, kettle), await fileAt(neighbour, t + 60_000, kettle)]
    product.push(await fileAt(shop, t + 120_000, kettle), await fileAt(neighbour, t + 180_000, kettle))
    for (let i = 0; i < 230; i++)
      await fileAt(neighbour, t + 240_000 + i * 1000, { product: `商品${i}`, problemType: '其他', description: `其他第${i}件` })
    product.push(await fileAt(shop, t + 2 * HOUR, kettle))
    await pass(t + 3 * HOUR)
    const [alert, ...more] = await alertsOf(shop, 'product')
    expect(more).toEqual([])
    expect([...alert.caseIds].sort()).toEqual(product.map((c) => c.id).sort())
  })
})
