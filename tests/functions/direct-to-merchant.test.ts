import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Straight to the shop (issue 16.2/16.3/16.4, docs/domain.md "Straight to the shop"): a scan against
// a shop that signed the double commitment is with the shop at once, its 45-minute clock running
// from the filing; the station watches in parallel and still owes its 24-hour acceptance decision.
const MINUTE = 60_000

describe('a complaint goes straight to a shop that signed the double commitment', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const signed = aMerchant(SITE_A, {
    id: 'shop-signed',
    name: '守诺面馆',
    doubleCommitmentSigned: true,
    responseMinutes: 45,
    onSiteMinutes: 90,
  })
  const clerk: PlatformIdentity = { subject: 'clerk-signed' }

  beforeAll(async () => {
    world = await openWorkflowWorld()
    await world.store.saveMerchant(signed)
    await world.store.saveMembership({
      id: 'm-signed',
      merchantId: signed.id,
      siteId: SITE_A.id,
      subject: 'clerk-signed',
      status: 'active',
      createdAt: world.deps.clock.now().toISOString(),
    })
  })
  afterAll(() => world.store.close())

  /** The shopper scans the shop's poster and files: the consumer function, as the H5 page calls it. */
  const fileAtSigned = async (over: Parameters<typeof aSubmission>[1] = {}) => {
    const shopper = unique('shopper')
    const r = await callAs(world.deps, 'consumer', aSubmission(signed.code, { idempotencyKey: unique('dm').padEnd(16, '0'), ...over }), {
      subject: shopper,
    })
    if (!r.ok) throw new Error(r.error.code)
    return { caseId: r.data.caseId as string, receipt: r.data, shopper }
  }
  const clocksOf = async (caseId: string) => world.store.listClocksOfCase(caseId)

  it('when a shopper files against the signed shop, then it is with the shop at once, the 45-minute clock runs from the filing, and the receipt says so', async () => {
    const filedAt = world.deps.clock.now()
    const { caseId, receipt } = await fileAtSigned()
    expect(receipt).toMatchObject({ status: 'with_merchant', nextStep: '商家承诺 45 分钟内回应，超时将自动转维权站' })
    const response = (await clocksOf(caseId)).find((k) => k.clockId === 'merchant_response')
    expect(response).toMatchObject({ stage: 'running', startedAt: filedAt.toISOString() })
    expect(Date.parse(response!.dueAt) - filedAt.getTime()).toBe(45 * MINUTE)
    // the station's 24-hour answer still runs beside it
    expect((await clocksOf(caseId)).find((k) => k.clockId === 'first_answer')).toMatchObject({ stage: 'running' })
    const [submitted] = await world.store.listEvents(caseId)
    expect(submitted).toMatchObject({ type: 'submitted', details: { kind: 'direct_to_merchant', responseMinutes: 45 } })
    const outbox = (await world.store.listPendingOutbox(500)).filter((m) => m.caseId === caseId)
    expect(outbox.map((m) => m.template)).toEqual(['merchant.dispatched'])
  })

  it('when the shop answers before any staff action, then the shopper has the offer, and the station can still accept within 24 h without moving it', async () => {
    const { caseId } = await fileAtSigned()
    const page = await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, clerk)
    expect(page).toMatchObject({ ok: true, data: { status: 'with_merchant' } })
    if (!page.ok) throw new Error(page.error.code)
    expect(page.data.actions).toEqual(['answer', 'checkIn'])
    world.deps.clock.advance(10 * MINUTE)
    expect(await world.act('merchant', caseId, 'answer', clerk, '全额退款')).toMatchObject({
      ok: true,
      data: { status: 'merchant_answered' },
    })
    expect((await clocksOf(caseId)).find((k) => k.clockId === 'merchant_response')).toMatchObject({ stage: 'stopped' })

    // the station, an hour later: it may accept, not refuse — the shopper holds the shop's answer
    world.deps.clock.advance(60 * MINUTE)
    const desk = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a'])
    if (!desk.ok) throw new Error(desk.error.code)
    expect(desk.data.actions).toContain('accept')
    expect(desk.data.actions).not.toContain('reject')
    expect(await world.act('station', caseId, 'reject', world.who['st-a'], '不属于消费纠纷')).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await world.act('station', caseId, 'accept', world.who['st-a'])).toMatchObject({
      ok: true,
      data: { status: 'merchant_answered' },
    })
    const clocks = await clocksOf(caseId)
    expect(clocks.find((k) => k.clockId === 'first_answer')).toMatchObject({ stage: 'stopped' })
    expect(clocks.find((k) => k.clockId === 'completion')).toMatchObject({ stage: 'running' })
    // accepted once: not offered again; the shopper goes on with the offer
    const again = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a'])
    if (!again.ok) throw new Error(again.error.code)
    expect(again.data.actions).not.toContain('accept')
    expect(await world.act('consumer', caseId, 'acceptOffer', { subject: (await world.store.getCase(caseId))!.filedBy })).toMatchObject({
      ok: true,
      data: { status: 'settled' },
    })
    expect(await world.act('station', caseId, 'close', world.who['st-a'])).toMatchObject({
      ok: true,
      data: { status: 'closed', outcome: 'settled' },
    })
    const types = (await world.store.listEvents(caseId)).map((e) => e.type)
    expect(types).toEqual(['submitted', 'answered', 'accepted', 'offer_accepted', 'closed'])
  })

  it('when the station has not accepted, then it may refuse before the shop answers (stopping the shop clock), but may not close', async () => {
    const { caseId } = await fileAtSigned()
    expect(await world.act('station', caseId, 'close', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await world.act('station', caseId, 'reject', world.who['st-a'], '不属于本站受理范围')).toMatchObject({
      ok: true,
      data: { status: 'not_accepted' },
    })
    expect((await clocksOf(caseId)).find((k) => k.clockId === 'merchant_response')).toMatchObject({ stage: 'stopped' })
    expect(await world.act('merchant', caseId, 'answer', clerk, '退款')).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
  })

  it('when a report names the signed shop, then it is never dispatched: the station has it and the shop cannot act', async () => {
    const { caseId, receipt } = await fileAtSigned({ kind: 'report', anonymous: false, name: '赵六', demands: [] })
    expect(receipt).toMatchObject({ status: 'received', nextStep: '24小时内告知是否受理' })
    expect((await clocksOf(caseId)).map((k) => k.clockId)).not.toContain('merchant_response')
    expect(await world.act('merchant', caseId, 'answer', clerk, '退款')).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    await world.act('station', caseId, 'accept', world.who['st-a'])
    expect(await world.act('station', caseId, 'dispatch', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'REPORT_NOT_FOR_MERCHANT' },
    })
    const outbox = (await world.store.listPendingOutbox(500)).filter((m) => m.caseId === caseId)
    expect(outbox.some((m) => m.recipient.role === 'merchant')).toBe(false)
  })

  it('when the shop has not signed, then a complaint takes the station road: received, no shop clock, 24-hour next step', async () => {
    const caseId = await world.file(unique('shopper'))
    expect(await world.store.getCase(caseId)).toMatchObject({ status: 'received' })
    expect((await clocksOf(caseId)).map((k) => k.clockId)).not.toContain('merchant_response')
  })
})
