import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { tick } from '../../cloudfunctions/services/tick'
import { openMerchantWorld, type MerchantWorld } from './merchant-world'

// A shop's record and its inbox clocks, on a clock the test moves by hand: 10:00 Shanghai on a
// working Tuesday, 2026-03-10.
const MINUTE = 60_000
const T0 = new Date('2026-03-10T02:00:00Z')

describe("a shop's record and its own clocks", () => {
  let world: MerchantWorld
  let station: PlatformIdentity
  const at = (minutes: number) => world.deps.clock.set(new Date(T0.getTime() + minutes * MINUTE))
  /** one step, through the function the actor uses: the clerk, the shopper (by subject) or the station */
  const act = (caseId: string, caseAction: string, who: PlatformIdentity | 'clerk' | 'station', extra: object = {}) => {
    const event = { caseId, caseAction, reason: '', ...extra }
    if (who === 'clerk') return world.must('merchant', { action: 'actOnCase', ...event }, world.shops.one.clerk)
    if (who === 'station') return world.must('station', { action: 'actOnCase', ...event }, station)
    return world.must('consumer', { action: 'actOnMyCase', ...event }, who)
  }
  const offer = { details: { kind: 'offer', remedy: 'refund', amountFen: 5000, note: '退款' } }

  beforeAll(async () => {
    world = await openMerchantWorld(T0)
    station = await world.staff('station-x')
  })
  afterAll(() => world.store.close())

  it('when answers come in on time, late or not yet, and cases close settled or mediated, then home and registry show the same numbers', async () => {
    const clerk = world.shops.one.clerk
    at(0)
    const onTime = await world.fileCase(world.shops.one) // dispatched at 0, due at 45
    const late = await world.fileCase(world.shops.one)
    await world.fileCase(world.shops.one) // never answered: overdue at 45
    const mediated = await world.fileCase(world.shops.one)
    at(10)
    await act(onTime.caseId, 'answer', 'clerk', offer)
    await act(mediated.caseId, 'answer', 'clerk', offer)
    await act(onTime.caseId, 'acceptOffer', { subject: onTime.shopper })
    await act(onTime.caseId, 'close', 'station')
    await act(mediated.caseId, 'refuseOffer', { subject: mediated.shopper }, { reason: '金额不够' })
    await act(mediated.caseId, 'mediate', 'station', {
      details: { kind: 'agreement', terms: '退款50元', amountFen: 5000, performBy: '2026-03-20' },
    })
    await act(mediated.caseId, 'close', 'station')
    at(50)
    await act(late.caseId, 'answer', 'clerk', offer)
    await world.fileCase(world.shops.one) // dispatched at 50, due at 95: still pending at 60
    await world.fileCase(world.shops.two) // the neighbour's case counts for the neighbour only
    at(60)
    // the unanswered clock ran out at 45: it counts as late once the tick has marked it overdue
    const beforeTick = await world.must('merchant', { action: 'getHome' }, clerk)
    expect(beforeTick).toMatchObject({ record: { responses: { late: 1, pending: 2 } } })
    await tick(world.deps, world.deps.clock.now())

    const expected = {
      total: 5,
      open: 3,
      closed: 2,
      settled: 1,
      selfSettlementRate: 0.5,
      responses: { started: 5, onTime: 2, late: 2, pending: 1 },
      onTimeResponseRate: 0.5,
    }
    expect(await world.must('merchant', { action: 'getHome' }, clerk)).toMatchObject({ record: expected, now: '2026-03-10T03:00:00.000Z' })
    expect(await world.must('registry', { action: 'getMerchant', merchantId: 'shop-one' }, station)).toMatchObject({ record: expected })
  })

  it('when a case is with the shop, then its home lists the response countdown; once answered, the countdown is gone', async () => {
    at(100)
    const { caseId } = await world.fileCase(world.shops.one)
    const home = await world.must('merchant', { action: 'getHome' }, world.shops.one.clerk)
    const item = (home.cases as { id: string; responseDue: { dueAt: string; clockId: string } | null; onSiteDue: unknown }[]).find(
      (c) => c.id === caseId,
    )!
    expect(item.responseDue).toMatchObject({ clockId: 'merchant_response', dueAt: '2026-03-10T04:25:00.000Z', colour: 'green' })
    expect(item.onSiteDue).toBeNull()

    await world.must('station', { action: 'actOnCase', caseId, caseAction: 'requireOnSite', reason: '' }, station)
    await act(caseId, 'answer', 'clerk', offer)
    const after = await world.must('merchant', { action: 'getHome' }, world.shops.one.clerk)
    const answered = (after.cases as { id: string; responseDue: unknown; onSiteDue: { dueAt: string } | null }[]).find(
      (c) => c.id === caseId,
    )!
    expect(answered.responseDue).toBeNull()
    expect(answered.onSiteDue).toMatchObject({ dueAt: '2026-03-10T05:10:00.000Z' })
  })

  it("when a shop signed a faster promise, then its own minutes set its clocks; a shop that did not sign runs on the site's", async () => {
    at(200)
    const { one, two } = world.shops
    await world.store.saveMerchant({ ...one.merchant, responseMinutes: 20, onSiteMinutes: 40 })
    await world.store.saveMerchant({ ...two.merchant, doubleCommitmentSigned: false, responseMinutes: 20, onSiteMinutes: 40 })
    const signed = await world.fileCase(one)
    const unsigned = await world.fileCase(two)
    const dueOf = async (caseId: string) =>
      (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === 'merchant_response')?.dueAt
    expect(await dueOf(signed.caseId)).toBe('2026-03-10T05:40:00.000Z') // 200 + 20 minutes
    expect(await dueOf(unsigned.caseId)).toBe('2026-03-10T06:05:00.000Z') // 200 + 45 minutes
    const home = await world.must('merchant', { action: 'getHome' }, one.clerk)
    expect(home.merchant).toEqual({
      code: 'ONE234',
      name: 'MKONENAME小馆',
      siteName: '星河广场',
      commitment: '20分钟内响应 · 40分钟内到场',
    })
  })
})
