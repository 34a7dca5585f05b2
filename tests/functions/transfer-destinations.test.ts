import { callAs, type Data } from '../support/call-as'
import { SITE_A, SITE_B } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// 转办 names where the case went (issue 17.6, docs/domain.md "Transfers"). The world's clock stands at
// Tuesday 2026-03-10 10:00 Beijing; March 2026 has no public holiday, so N working days end at 24:00
// Beijing of the Nth working day after today.
const HOUR = 3_600_000
const toSite = (toSiteId: string) => ({ details: { kind: 'transfer', destination: 'site', toSiteId, toName: '' } })
const outside = (destination: 'department' | 'police' | 'cross_region', toName: string) => ({
  details: { kind: 'transfer', destination, toSiteId: '', toName },
})

describe('transfers with a destination', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  const clock = async (caseId: string, clockId: string) => (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === clockId)
  const station = (who: string, caseId: string) => callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who[who])

  it('when site A transfers a case to site B, then it moves with its timeline: B sees it and decides afresh, A no longer sees or acts on it', async () => {
    const caseId = await world.file('shopper-move')
    world.deps.clock.advance(HOUR)
    const movedAt = world.deps.clock.now().toISOString()
    const moved = await world.act('station', caseId, 'transfer', world.who['st-a'], '商户实际经营地在滨江天街', toSite(SITE_B.id))
    expect(moved).toMatchObject({ ok: true, data: { status: 'received' } })
    expect(await world.store.getCase(caseId)).toMatchObject({ siteId: SITE_B.id, status: 'received' })

    // object by object: the old site's staff neither see nor act on it; the new site's do
    expect(await station('st-a', caseId)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await world.act('station', caseId, 'accept', world.who['st-a'])).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    const atB = await station('st-b', caseId)
    if (!atB.ok) throw new Error(atB.error.code)
    expect(atB.data.timeline.map((e: Data) => e.type)).toEqual(['submitted', 'transferred']) // the timeline travelled
    expect(atB.data.timeline[1].details).toMatchObject({
      destination: 'site',
      toSiteId: SITE_B.id,
      toName: SITE_B.name,
      fromSiteId: SITE_A.id,
    })
    expect(atB.data.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'transfer', 'sendBack']))
    expect(atB.data.actions).not.toContain('confirmTransfer')
    const boardB = await callAs(world.deps, 'station', { action: 'listCases' }, world.who['st-b'])
    const boardA = await callAs(world.deps, 'station', { action: 'listCases' }, world.who['st-a'])
    expect(boardB.ok && boardB.data.items.some((c: Data) => c.id === caseId)).toBe(true)
    expect(boardA.ok && boardA.data.items.some((c: Data) => c.id === caseId)).toBe(false)
    // the receiving site hears of it (and the complainant); the sending site gets no notice of its own step
    const told = (await world.store.listPendingOutbox(500)).filter((m) => m.caseId === caseId && m.template.endsWith('.transferred'))
    expect(told.map((m) => [m.template, m.recipient.id]).sort()).toEqual([
      ['consumer.transferred', 'shopper-move'],
      ['station.transferred', SITE_B.id],
    ])
    // the receiving site owes its own 24-hour answer, counted from the arrival
    expect(await clock(caseId, 'first_answer')).toMatchObject({ stage: 'running', startedAt: movedAt })
    // the complainant still follows it
    expect(await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, { subject: 'shopper-move' })).toMatchObject({ ok: true })
  })

  it('when the receiving site sends it back (退回), then `returned` is recorded, the case is the sender’s again and the 2-hour answer clock runs', async () => {
    const caseId = await world.file('shopper-back')
    await world.act('station', caseId, 'transfer', world.who['st-a'], '商户不在本站', toSite(SITE_B.id))
    world.deps.clock.advance(3 * HOUR)
    const returnedAt = world.deps.clock.now()
    expect(await world.act('station', caseId, 'sendBack', world.who['st-b'], '经核实商户在星河广场，非本站管辖')).toMatchObject({
      ok: true,
      data: { status: 'received' },
    })
    expect(await world.store.getCase(caseId)).toMatchObject({ siteId: SITE_A.id })
    const events = await world.store.listEvents(caseId)
    expect(events.map((e) => e.type)).toEqual(['submitted', 'transferred', 'returned'])
    expect(events[2]).toMatchObject({ actor: { role: 'station', id: 'st-b' }, note: '经核实商户在星河广场，非本站管辖' })
    expect(await station('st-b', caseId)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    const answer = await clock(caseId, 'answer_after_return')
    expect(answer).toMatchObject({ stage: 'running', startedAt: returnedAt.toISOString() })
    expect(Date.parse(answer!.dueAt) - returnedAt.getTime()).toBe(2 * HOUR)
    expect(await clock(caseId, 'first_answer')).toMatchObject({ stage: 'stopped' }) // B's decision clock ended with its 退回
    // the sending site decides again: it may accept now
    expect(await world.act('station', caseId, 'accept', world.who['st-a'])).toMatchObject({ ok: true, data: { status: 'accepted' } })
    // and only once: nothing is out any more
    expect(await world.act('station', caseId, 'sendBack', world.who['st-a'], '再退')).toMatchObject({ ok: false })
  })

  it('when a case goes to another department, then a 移送函 is printed and the 5-working-day clock runs until the receipt is recorded', async () => {
    const caseId = await world.file('shopper-dept')
    const r = await world.act(
      'station',
      caseId,
      'transfer',
      world.who['st-a'],
      '属于劳动关系争议',
      outside('department', '区人力资源和社会保障局'),
    )
    expect(r).toMatchObject({ ok: true, data: { status: 'transferred' } })
    expect(await clock(caseId, 'handover_department')).toMatchObject({ stage: 'running', dueAt: '2026-03-17T16:00:00.000Z' })
    expect(await clock(caseId, 'handover_police')).toBeUndefined()
    expect(await clock(caseId, 'cross_region_transfer')).toBeUndefined()
    expect(await clock(caseId, 'first_answer')).toMatchObject({ stage: 'stopped' })

    const letter = await callAs(world.deps, 'station', { action: 'transferLetter', caseId }, world.who['st-a'])
    expect(letter).toMatchObject({
      ok: true,
      data: { toName: '区人力资源和社会保障局', destination: 'department', fromSiteName: SITE_A.name, reason: '属于劳动关系争议' },
    })
    const desk = await station('st-a', caseId)
    expect(desk.ok && desk.data.actions).toEqual(expect.arrayContaining(['confirmTransfer', 'sendBack']))

    world.deps.clock.advance(2 * HOUR) // the receipt comes back the same day (a staff session lasts a working day)
    expect(await world.act('station', caseId, 'confirmTransfer', world.who['st-a'], '回执编号 HZ-0310')).toMatchObject({ ok: true })
    expect(await clock(caseId, 'handover_department')).toMatchObject({ stage: 'stopped', stoppedAt: world.deps.clock.now().toISOString() })
    const last = (await world.store.listEvents(caseId)).at(-1)
    expect(last).toMatchObject({ type: 'transfer_confirmed', details: { kind: 'transfer', destination: 'department' } })
    expect(await world.act('station', caseId, 'confirmTransfer', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it('when a suspected crime goes to the police, then the 3-working-day clock runs until the receipt', async () => {
    const caseId = await world.file('shopper-police')
    await world.act('station', caseId, 'transfer', world.who['st-a'], '涉嫌销售假冒注册商标的商品', outside('police', '滨江区公安分局'))
    expect(await clock(caseId, 'handover_police')).toMatchObject({ stage: 'running', dueAt: '2026-03-13T16:00:00.000Z' })
    expect(await clock(caseId, 'handover_department')).toBeUndefined()
    expect(await world.act('station', caseId, 'confirmTransfer', world.who['st-a'])).toMatchObject({ ok: true })
    expect(await clock(caseId, 'handover_police')).toMatchObject({ stage: 'stopped' })
  })

  it('when a case goes to a bureau in another region, then it must be sent within 48 hours of the decision', async () => {
    const caseId = await world.file('shopper-region')
    const decidedAt = world.deps.clock.now()
    await world.act('station', caseId, 'transfer', world.who['st-a'], '经营者注册地在外省', outside('cross_region', '苏州市市场监督管理局'))
    const k = await clock(caseId, 'cross_region_transfer')
    expect(k).toMatchObject({ stage: 'running', startedAt: decidedAt.toISOString() })
    expect(Date.parse(k!.dueAt) - decidedAt.getTime()).toBe(48 * HOUR)
    await world.act('station', caseId, 'confirmTransfer', world.who['st-a'], '已通过全国12315平台移送')
    expect(await clock(caseId, 'cross_region_transfer')).toMatchObject({ stage: 'stopped' })
  })

  it('when the department sends it back as not theirs, then `returned` stops its clock and the case is again the station’s to decide', async () => {
    const caseId = await world.file('shopper-dept-back')
    await world.act('station', caseId, 'transfer', world.who['st-a'], '属于价格监管', outside('department', '区发展和改革局'))
    world.deps.clock.advance(HOUR)
    expect(await world.act('station', caseId, 'sendBack', world.who['st-a'], '发改局回函：不属于其职责')).toMatchObject({
      ok: true,
      data: { status: 'received' },
    })
    expect(await world.store.getCase(caseId)).toMatchObject({ siteId: SITE_A.id })
    expect(await clock(caseId, 'handover_department')).toMatchObject({ stage: 'stopped' })
    expect(await clock(caseId, 'answer_after_return')).toMatchObject({ stage: 'running' })
  })
})

describe('transfers are refused unless everything about them holds (deny by default)', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  it('when the destination is missing, the own site, an unknown site or an outside unit without a name, then nothing moves', async () => {
    const caseId = await world.file('shopper-deny')
    const tries = [
      { details: null },
      toSite(SITE_A.id),
      toSite('site-nowhere'),
      outside('department', ''),
      { details: { kind: 'transfer', destination: 'moon', toSiteId: '', toName: '月球' } },
    ]
    for (const extra of tries) {
      expect(await world.act('station', caseId, 'transfer', world.who['st-a'], '不属于本站', extra)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      })
    }
    expect(await world.store.getCase(caseId)).toMatchObject({ siteId: SITE_A.id, status: 'received', version: 1 })
  })

  it('when nothing was transferred, then neither 退回 nor a receipt can be recorded; another site cannot transfer or print what is not its own', async () => {
    const caseId = await world.file('shopper-deny-2')
    expect(await world.act('station', caseId, 'sendBack', world.who['st-a'], '退回')).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await world.act('station', caseId, 'confirmTransfer', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await world.act('station', caseId, 'transfer', world.who['st-b'], '抢案', toSite(SITE_B.id))).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
    expect(await callAs(world.deps, 'station', { action: 'transferLetter', caseId }, world.who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
    // no letter for a case that is not out, nor for a move within the system
    expect(await callAs(world.deps, 'station', { action: 'transferLetter', caseId }, world.who['st-a'])).toMatchObject({ ok: false })
    await world.act('station', caseId, 'transfer', world.who['st-a'], '转滨江', toSite(SITE_B.id))
    expect(await callAs(world.deps, 'station', { action: 'transferLetter', caseId }, world.who['st-b'])).toMatchObject({ ok: false })
    // the sender cannot send back its own move; only the receiving site can
    expect(await world.act('station', caseId, 'confirmTransfer', world.who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it('when a shopper or a shop tries 退回 or the receipt, then the function does not take the step', async () => {
    const caseId = await world.file('shopper-deny-3')
    await world.act('station', caseId, 'transfer', world.who['st-a'], '移送', outside('department', '区人社局'))
    expect(await world.act('consumer', caseId, 'sendBack', { subject: 'shopper-deny-3' }, '退回')).toMatchObject({ ok: false })
    expect(await world.act('merchant', caseId, 'confirmTransfer', world.who.clerkA)).toMatchObject({ ok: false })
    expect((await world.store.listEvents(caseId)).map((e) => e.type)).toEqual(['submitted', 'transferred'])
  })

  it('when staff list where a case may move, then every other site is offered and their own is not', async () => {
    const r = await callAs(world.deps, 'station', { action: 'transferTargets' }, world.who['st-a'])
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    expect(r.data.items.map((s: Data) => s.id)).toContain(SITE_B.id)
    expect(r.data.items.map((s: Data) => s.id)).not.toContain(SITE_A.id)
  })
})
