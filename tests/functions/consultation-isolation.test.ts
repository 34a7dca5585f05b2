import { unique } from '../support/builders'
import { callAs, type Data } from '../support/call-as'
import { SHOP_A, SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// Deny by default, and counted apart: a consultation (咨询) about a shop never reaches that shop, another
// site's station cannot read or close it, another shopper cannot open it, and no complaint figure
// (the board, the shop's record, the shopper's complaint list) moves when one is asked.

type World = Awaited<ReturnType<typeof openWorkflowWorld>>
const key = () => unique('iso').padEnd(16, '0')

describe('consultations stay apart', () => {
  let world: World
  let consultationId: string
  const asker = { subject: unique('asker') }
  const must = async (fn: 'consumer' | 'station' | 'merchant', event: object, who: { subject?: string }) => {
    const r = await callAs(world.deps, fn, event, who)
    if (!r.ok) throw new Error(`${fn} ${JSON.stringify(event)} → ${r.error.code}`)
    return r.data as Data
  }
  const figures = async () => ({
    board: (await must('station', { action: 'listCases', scope: 'all' }, world.who['st-a'])).items.length,
    shopHome: await must('merchant', { action: 'getHome' }, world.who.clerkA),
    counts: await world.store.countMerchantCases(SHOP_A.id),
    mine: (await must('consumer', { action: 'listMyCases' }, asker)).items.length,
  })

  let before: Awaited<ReturnType<typeof figures>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
    await world.file(unique('complainant')) // one ordinary complaint at shop A
    before = await figures()
    const asked = await must(
      'consumer',
      {
        action: 'askConsultation',
        idempotencyKey: key(),
        merchantCode: SHOP_A.code,
        question: '这家店的预付卡能退吗？店员说不能退',
        contactPhone: '13800001234',
      },
      asker,
    )
    consultationId = asked.consultationId
  })
  afterAll(() => world.store.close())

  it('when a consultation names a shop, then the shop sees nothing of it: not in its list, its record, a case page or an action', async () => {
    const after = await figures()
    expect(after.shopHome.cases).toEqual(before.shopHome.cases)
    expect(after.shopHome.record).toEqual(before.shopHome.record)
    expect(JSON.stringify(after.shopHome)).not.toContain('预付卡')
    const page = await callAs(world.deps, 'merchant', { action: 'getCase', caseId: consultationId }, world.who.clerkA)
    expect(page).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    // a clerk's phone is a consumer's too: the station's actions are refused, its own consultations only
    for (const action of ['getConsultation', 'answerConsultation', 'convertConsultation']) {
      const r = await callAs(world.deps, 'station', { action, consultationId, text: '答复' }, world.who.clerkA)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(r.error.code) // a clerk is no staff member
    }
    const asClerk = await callAs(world.deps, 'consumer', { action: 'getMyConsultation', consultationId }, world.who.clerkA)
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'CONSULTATION_NOT_FOUND' } })
  })

  it("when another site's station reaches for it, then it is not found and stays open", async () => {
    const other = world.who['st-b']
    expect((await must('station', { action: 'listConsultations', scope: 'all' }, other)).items).toEqual([])
    for (const event of [
      { action: 'getConsultation', consultationId },
      { action: 'answerConsultation', consultationId, text: '不归我们管' },
      { action: 'convertConsultation', consultationId },
    ]) {
      expect(await callAs(world.deps, 'station', event, other)).toMatchObject({ ok: false, error: { code: 'CONSULTATION_NOT_FOUND' } })
    }
    expect((await world.store.getConsultation(consultationId))?.status).toBe('received')
    expect((await must('station', { action: 'listConsultations' }, world.who['st-a'])).items.map((i: Data) => i.id)).toEqual([
      consultationId,
    ])
  })

  it('when another shopper asks for it by id, then it is not found; by number without the code, the lookup fails', async () => {
    const stranger = { subject: unique('stranger') }
    expect(await callAs(world.deps, 'consumer', { action: 'getMyConsultation', consultationId }, stranger)).toMatchObject({
      ok: false,
      error: { code: 'CONSULTATION_NOT_FOUND' },
    })
    const stored = await world.store.getConsultation(consultationId)
    const lookup = await callAs(
      world.deps,
      'consumer',
      { action: 'lookupConsultation', consultNo: stored!.consultNo, queryCode: '22222222' },
      stranger,
    )
    expect(lookup).toMatchObject({ ok: false, error: { code: 'LOOKUP_FAILED' } })
  })

  it('when a consultation is asked, then the board, the shop counters and the complaint list count exactly what they did', async () => {
    const after = await figures()
    expect(after.board).toBe(before.board)
    expect(after.counts).toEqual(before.counts)
    expect(after.mine).toBe(0)
    expect(SITE_A.id).toBe((await world.store.getConsultation(consultationId))?.siteId)
  })
})
