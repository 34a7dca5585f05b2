import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { rollPublicFigures } from '../../cloudfunctions/services/public-figures-pass'
import { openMerchantWorld, SITE_X, type MerchantWorld } from './merchant-world'

// 投诉信息公示 through the functions (docs/public-records.md): the threshold N and the rule against
// small numbers, the shop's objection and the station's decision, and who may change what. The
// figures come from the hourly pass over the shops' counters, run here by hand.

const T0 = new Date('2026-03-10T02:00:00Z')
const anyone: PlatformIdentity = { subject: 'passer-by' }

describe('投诉信息公示 — threshold, objections and who may do what', () => {
  let world: MerchantWorld
  let stationX: PlatformIdentity
  let stationY: PlatformIdentity
  let admin: PlatformIdentity

  const roll = () => rollPublicFigures(world.deps, world.deps.clock.now())
  const page = async () =>
    (await world.must('consumer', { action: 'publicRecords', siteId: SITE_X.id }, anyone)) as {
      threshold: number
      entries: { name: string; complaints: number; responseRate: number | null; objectionPending: boolean }[]
    }
  const entryOf = async (name: string) => (await page()).entries.find((e) => e.name === name)
  const shopOne = () => world.shops.one.merchant.name

  beforeAll(async () => {
    world = await openMerchantWorld(T0)
    stationX = await world.staff('station-x')
    stationY = await world.staff('station-y')
    admin = await world.admin()
  })
  afterAll(() => world.store.close())

  it('when a shop has N−1 complaints in the window, then it is absent; at N, then it is listed with its count', async () => {
    await world.fileCase(world.shops.one)
    await world.fileCase(world.shops.one)
    await roll()
    expect((await page()).threshold).toBe(3)
    expect(await entryOf(shopOne())).toBeUndefined()

    await world.fileCase(world.shops.one)
    await roll()
    world.deps.clock.set(new Date(T0.getTime() + 61_000)) // past the page's one-minute cache
    const entry = await entryOf(shopOne())
    expect(entry).toMatchObject({ complaints: 3, doubleCommitmentSigned: true, objectionPending: false })
    // no response has been decided yet: fewer than N in the denominator, so no rate (样本不足)
    expect(entry?.responseRate).toBeNull()
    expect(await entryOf(world.shops.two.merchant.name)).toBeUndefined()
  })

  it('when a station raises N for its own site, then the shop below it leaves the page; another site cannot, nor below 3', async () => {
    const refused = await world.call('station', { action: 'savePublicThreshold', siteId: SITE_X.id, threshold: 10 }, stationY)
    expect(refused).toMatchObject({ ok: false, error: { code: 'SITE_NOT_FOUND' } })
    const tooLow = await world.call('station', { action: 'savePublicThreshold', threshold: 2 }, stationX)
    expect(tooLow).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const clerk = await world.call('station', { action: 'savePublicThreshold', siteId: SITE_X.id, threshold: 10 }, world.shops.one.clerk)
    expect(clerk.ok).toBe(false) // not staff: refused by the policy before any read
    expect(await entryOf(shopOne())).toBeDefined()

    const saved = await world.must('station', { action: 'savePublicThreshold', threshold: 4 }, stationX)
    expect(saved).toMatchObject({ siteId: SITE_X.id, threshold: 4, updatedBy: 'station-x' })
    expect(await entryOf(shopOne())).toBeUndefined() // the change drops the cached page at once

    // an administrator may set any site's threshold
    await world.must('station', { action: 'savePublicThreshold', siteId: SITE_X.id, threshold: 3 }, admin)
    expect(await world.must('station', { action: 'publicSettings' }, stationX)).toMatchObject({ threshold: 3, updatedBy: '管理员' })
    expect(await entryOf(shopOne())).toBeDefined()
  })

  it('when a clerk objects for another shop, or a shop not on the page objects, then it is refused', async () => {
    const other = await world.call(
      'merchant',
      { action: 'fileObjection', merchantId: world.shops.two.merchant.id, reason: '数字不对，请核实' },
      world.shops.one.clerk,
    )
    expect(other).toMatchObject({ ok: false, error: { code: 'MERCHANT_NOT_FOUND' } })
    const absent = await world.call('merchant', { action: 'fileObjection', reason: '我们没有被投诉这么多次' }, world.shops.two.clerk)
    expect(absent).toMatchObject({ ok: false, error: { code: 'NOT_PUBLISHED' } })
  })

  it('when the shop objects and its station upholds it, then the entry is withdrawn and the decision is on record', async () => {
    const filed = await world.must('merchant', { action: 'fileObjection', reason: '其中一件是同一顾客重复投诉' }, world.shops.one.clerk)
    expect(filed).toMatchObject({ status: 'pending', periodThrough: '2026-03', merchantName: shopOne() })
    expect(JSON.stringify(filed)).not.toContain('clerk-one') // the clerk is not named
    expect(await entryOf(shopOne())).toMatchObject({ objectionPending: true })
    const again = await world.call('merchant', { action: 'fileObjection', reason: '再提一次异议试试' }, world.shops.one.clerk)
    expect(again).toMatchObject({ ok: false, error: { code: 'OBJECTION_PENDING' } })

    // another site's station does not find it; the station of the shop's site decides
    const foreign = await world.call(
      'station',
      { action: 'decideObjection', objectionId: filed.id, uphold: true, reason: '核实属实' },
      stationY,
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'OBJECTION_NOT_FOUND' } })
    expect(await world.call('station', { action: 'listObjections', siteId: SITE_X.id }, stationY)).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    world.deps.clock.set(new Date(T0.getTime() + 3_600_000))
    const decided = await world.must(
      'station',
      { action: 'decideObjection', objectionId: filed.id, uphold: true, reason: '核实属实，撤下' },
      stationX,
    )
    expect(decided).toMatchObject({
      status: 'upheld',
      decidedBy: 'station-x',
      decidedAt: '2026-03-10T03:00:00.000Z',
      decisionReason: '核实属实，撤下',
      withdrawnThrough: '2026-03',
    })
    expect(await entryOf(shopOne())).toBeUndefined()
    const twice = await world.call(
      'station',
      { action: 'decideObjection', objectionId: filed.id, uphold: false, reason: '改为驳回' },
      stationX,
    )
    expect(twice).toMatchObject({ ok: false, error: { code: 'OBJECTION_DECIDED' } })
    const mine = await world.must('merchant', { action: 'myObjections' }, world.shops.one.clerk)
    // the shop reads who decided as 维权站, not the staff member
    expect(mine.items).toEqual([
      expect.objectContaining({ id: filed.id, status: 'upheld', decisionReason: '核实属实，撤下', decidedBy: '维权站' }),
    ])
  })

  it('when the next month brings N new complaints, then the shop is back; a rejected objection leaves it on the page', async () => {
    world.deps.clock.set(new Date('2026-04-02T02:00:00Z'))
    stationX = await world.staff('station-x') // sessions last 12 h
    for (let i = 0; i < 3; i++) await world.fileCase(world.shops.one)
    await roll()
    world.deps.clock.set(new Date('2026-04-02T02:05:00Z'))
    expect(await entryOf(shopOne())).toMatchObject({ complaints: 3 }) // March stays withdrawn
    const filed = await world.must('merchant', { action: 'fileObjection', reason: '四月的投诉已全部处理完毕' }, world.shops.one.clerk)
    const decided = await world.must(
      'station',
      { action: 'decideObjection', objectionId: filed.id, uphold: false, reason: '投诉件数属实' },
      stationX,
    )
    expect(decided).toMatchObject({ status: 'rejected', withdrawnThrough: null, decidedBy: 'station-x' })
    expect(await entryOf(shopOne())).toMatchObject({ complaints: 3, objectionPending: false })
  })
})
