import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { callAs } from '../support/call-as'
import { AGREEMENT, openWorkflowWorld } from '../support/workflow-world'

// 调解成功 records what was agreed (terms, amount in fen, the day to perform) on its event, and both
// parties — the shopper and the shop — read it in their own case views (issue 16 item 5).
describe('the mediation agreement', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
  })
  afterAll(() => store.close())

  /** A case of this shopper in mediation: the shop offered, the shopper refused. */
  async function inMediation(shopper: string): Promise<string> {
    const { act, who } = world
    const caseId = await world.file(shopper)
    // the station stands between shopper and shop only when the case is not already with the shop
    if ((await store.getCase(caseId))?.status === 'received') {
      await act('station', caseId, 'accept', who['st-a'])
      await act('station', caseId, 'dispatch', who['st-a'])
    }
    expect(await act('merchant', caseId, 'answer', who.clerkA)).toMatchObject({ ok: true })
    expect(await act('consumer', caseId, 'refuseOffer', { subject: shopper }, '金额不够')).toMatchObject({
      ok: true,
      data: { status: 'mediating' },
    })
    return caseId
  }

  it('when the station records 调解成功 without an agreement, then it is refused and nothing is written', async () => {
    const caseId = await inMediation('agree-1')
    const before = (await store.listEvents(caseId)).length
    const r = await world.act('station', caseId, 'mediate', world.who['st-a'], '', { details: null })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { details: expect.stringContaining('调解协议') } } })
    expect(await store.listEvents(caseId)).toHaveLength(before)
    expect((await store.getCase(caseId))?.status).toBe('mediating')
  })

  it('when the agreement names a day already past, or no terms, then it is refused with the field named', async () => {
    const caseId = await inMediation('agree-2')
    const past = await world.act('station', caseId, 'mediate', world.who['st-a'], '', {
      details: { ...AGREEMENT, performBy: '2026-03-09' },
    })
    expect(past).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'details.performBy': '履行日期不能早于今天' } } })
    const noDay = await world.act('station', caseId, 'mediate', world.who['st-a'], '', {
      details: { ...AGREEMENT, performBy: '2026-02-30' },
    })
    expect(noDay).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const noTerms = await world.act('station', caseId, 'mediate', world.who['st-a'], '', { details: { ...AGREEMENT, terms: ' ' } })
    expect(noTerms).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect((await store.getCase(caseId))?.status).toBe('mediating')
  })

  it('when the station records 调解成功 with an agreement, then the event keeps it and the shopper and the shop both see it', async () => {
    const caseId = await inMediation('agree-3')
    expect(await world.act('station', caseId, 'mediate', world.who['st-a'])).toMatchObject({ ok: true, data: { status: 'mediated' } })

    const events = await store.listEvents(caseId)
    expect(events[events.length - 1]).toMatchObject({
      type: 'mediated',
      details: { kind: 'agreement', terms: '商家退款128元并书面道歉', amountFen: 12800, performBy: '2026-12-31' },
    })
    const sentence = '调解协议：商家退款128元并书面道歉，金额 128元，2026年12月31日前履行'
    const views = [
      await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, { subject: 'agree-3' }),
      await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA),
    ]
    for (const view of views) {
      expect(view.ok).toBe(true)
      if (!view.ok) continue
      const entry = view.data.timeline.find((e: { type: string }) => e.type === 'mediated')
      expect(entry).toMatchObject({ details: { kind: 'agreement', amountFen: 12800, performBy: '2026-12-31' }, detailText: sentence })
    }
  })
})
