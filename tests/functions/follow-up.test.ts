import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { callAs } from '../support/call-as'
import { anEvidence, unique } from '../support/builders'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld, rating, returnVisit } from '../support/workflow-world'

const T0 = new Date('2026-03-10T06:00:00Z') // 14:00 Beijing, a working Tuesday

// What happens around the main path: the on-site visit and its 90-minute clock, the one extension
// of a complex case, the shopper's rating, the return visit by someone other than the handler, the
// reopening it may lead to, a site's own clock numbers, and files attached to a step.
describe('case follow-up through the functions', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const clockOf = async (caseId: string, id: string) => (await store.listClocksOfCase(caseId)).find((c) => c.clockId === id)
  const outboxOf = async (caseId: string) =>
    (await store.listPendingOutbox(2000)).filter((m) => m.caseId === caseId).map((m) => `${m.template}→${m.recipient.role}`)

  beforeAll(async () => {
    world = await openWorkflowWorld(T0)
    store = world.store
  })
  afterAll(() => store.close())
  beforeEach(() => world.deps.clock.set(T0))

  /** A case filed, accepted and dispatched to shop A; returns its id and its filer. */
  const dispatched = async (acceptExtra: Record<string, unknown> = {}) => {
    const shopper = unique('shopper')
    const caseId = await world.file(shopper)
    expect(await world.act('station', caseId, 'accept', world.who['st-a'], '', acceptExtra)).toMatchObject({ ok: true })
    expect(await world.act('station', caseId, 'dispatch', world.who['st-a'])).toMatchObject({ ok: true })
    return { caseId, shopper: { subject: shopper } }
  }
  const closedBySettlement = async () => {
    const c = await dispatched()
    await world.act('merchant', c.caseId, 'answer', world.who.clerkA)
    await world.act('consumer', c.caseId, 'acceptOffer', c.shopper)
    expect(await world.act('station', c.caseId, 'close', world.who['st-a'])).toMatchObject({ ok: true, data: { status: 'closed' } })
    return c
  }

  it('when the station requires someone on site, then the 90-minute clock runs, the shop is told, and the check-in stops it', async () => {
    const { caseId } = await dispatched()
    expect(await world.act('station', caseId, 'requireOnSite', world.who['st-a'])).toMatchObject({
      ok: true,
      data: { status: 'with_merchant' },
    })
    expect(await clockOf(caseId, 'on_site')).toMatchObject({ stage: 'running', dueAt: '2026-03-10T07:30:00.000Z' })
    expect(await outboxOf(caseId)).toContain('merchant.onsite_required→merchant')
    expect(await world.act('station', caseId, 'requireOnSite', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    world.deps.clock.set(new Date(T0.getTime() + 50 * 60_000))
    expect(await world.act('merchant', caseId, 'checkIn', world.who.clerkA)).toMatchObject({ ok: true })
    expect(await clockOf(caseId, 'on_site')).toMatchObject({ stage: 'stopped', stoppedAt: '2026-03-10T06:50:00.000Z', nextCheckAt: null })
  })

  it('when a complex case is extended with a reason, then completion moves out 15 working days, once, and the timeline says so', async () => {
    const { caseId } = await dispatched({ completionKind: 'complex' })
    const before = await clockOf(caseId, 'completion')
    expect(before?.dueAt).toBe('2026-03-31T16:00:00.000Z') // 15 working days after Tue 10 March
    expect(await world.act('station', caseId, 'extend', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await world.act('station', caseId, 'extend', world.who['st-a'], '需送第三方检测')).toMatchObject({ ok: true })
    const after = await clockOf(caseId, 'completion')
    expect(after?.dueAt).toBe('2026-04-22T16:00:00.000Z') // 15 more after 31 March, skipping 清明 (4–6 April)
    expect(after?.explanation).toContain('延期 15 个工作日')
    const events = await store.listEvents(caseId)
    expect(events.at(-1)).toMatchObject({
      type: 'extended',
      note: '需送第三方检测',
      details: { kind: 'extension', workingDays: 15, previousDueAt: before?.dueAt, dueAt: after?.dueAt },
    })
    expect(await world.act('station', caseId, 'extend', world.who['st-a'], '再延一次')).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED' },
    })
  })

  it('when an ordinary goods case asks for an extension, then it is refused with a reason people can read', async () => {
    const { caseId } = await dispatched()
    expect(await world.act('station', caseId, 'extend', world.who['st-a'], '想延期')).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_NOT_ALLOWED', message: '只有复杂案件可在到期前延期一次' },
    })
  })

  it('when the shopper rates a closure unsatisfied and a colleague visits back, then the case may be reopened once and its clocks restart', async () => {
    const { caseId, shopper } = await closedBySettlement()
    expect(await clockOf(caseId, 'return_visit')).toMatchObject({ stage: 'running' })
    expect(await world.act('consumer', caseId, 'rate', shopper, '', { details: rating(false) })).toMatchObject({
      ok: true,
      data: { status: 'closed' },
    })
    expect(await world.act('consumer', caseId, 'rate', shopper, '', { details: rating(true) })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await outboxOf(caseId)).toContain('station.rated→station')
    // the one who closed it does not do the return visit, and is not offered it
    const closerView = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a'])
    expect(closerView.ok && closerView.data.actions).not.toContain('returnVisit')
    const colleagueView = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a2'])
    expect(colleagueView.ok && colleagueView.data.actions).toContain('returnVisit')
    expect(await world.act('station', caseId, 'returnVisit', world.who['st-a'], '', { details: returnVisit(false) })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_VISIT_BY_HANDLER' },
    })
    expect(await world.act('station', caseId, 'returnVisit', world.who['st-a2'], '', { details: returnVisit(false) })).toMatchObject({
      ok: true,
    })
    expect(await clockOf(caseId, 'return_visit')).toMatchObject({ stage: 'stopped' })
    expect(await world.act('station', caseId, 'reopen', world.who['st-a'], '回访不满意：退款未到账')).toMatchObject({
      ok: true,
      data: { status: 'accepted' },
    })
    expect(await clockOf(caseId, 'completion')).toMatchObject({ stage: 'running', startedAt: T0.toISOString() })
    const detail = await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, shopper)
    expect(detail).toMatchObject({ ok: true })
    const rated = detail.ok ? detail.data.timeline.find((e: { type: string }) => e.type === 'rated') : null
    expect(rated?.detailText).toBe('评价：处理速度4分，专业程度4分，服务态度5分，不满意。退款一直没到账')
  })

  it('when a case is closed and rated satisfied, then reopening is not offered', async () => {
    const { caseId, shopper } = await closedBySettlement()
    await world.act('consumer', caseId, 'rate', shopper, '', { details: rating(true) })
    expect(await world.act('station', caseId, 'reopen', world.who['st-a'], '想再看看')).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it("when the merchant answers with photos, then they belong to the case and show on that step; someone else's file is refused and nothing is written", async () => {
    const { caseId, shopper } = await dispatched()
    const theirs = anEvidence('clerk-b')
    await store.saveEvidence(theirs)
    const refused = await world.act('merchant', caseId, 'answer', world.who.clerkA, '', { attachments: [theirs.id] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND' } })
    expect((await store.getCase(caseId))?.status).toBe('with_merchant')
    const photo = anEvidence('clerk-a')
    await store.saveEvidence(photo)
    expect(await world.act('merchant', caseId, 'answer', world.who.clerkA, '', { attachments: [photo.id] })).toMatchObject({ ok: true })
    expect((await store.getEvidence(photo.id))?.caseId).toBe(caseId)
    const detail = await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, shopper)
    if (!detail.ok) throw new Error(detail.error.code)
    const answered = detail.data.timeline.find((e: { type: string }) => e.type === 'answered')
    expect(answered.attachments.map((f: { id: string }) => f.id)).toEqual([photo.id])
    expect(answered.attachments[0].url).toMatch(/^\/files\//)
    expect(detail.data.evidence.map((f: { id: string }) => f.id)).not.toContain(photo.id) // listed with its step, not as the shopper's evidence
    expect(await world.act('merchant', caseId, 'answer', world.who.clerkA, '', { attachments: ['a', 'b', 'c', 'd', 'e'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { attachments: '附件最多4个' } },
    })
  })

  it("when a site sets its own clock numbers, then new clocks use them; another site's staff cannot read or change them, and bad numbers are refused in Chinese", async () => {
    const station = world.who['st-a']
    const saved = await callAs(
      world.deps,
      'station',
      { action: 'saveClockSettings', settings: { amounts: { first_answer: 12 }, completion: { goods: 3 } } },
      station,
    )
    expect(saved).toMatchObject({ ok: true, data: { siteId: SITE_A.id, settings: { amounts: { first_answer: 12 } } } })
    const effective = saved.ok ? saved.data.effective : []
    expect(effective).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clockId: 'first_answer', amount: 12 }),
        expect.objectContaining({ clockId: 'completion', kind: 'goods', amount: 3 }),
        expect.objectContaining({ clockId: 'completion', kind: 'extension', amount: 15 }),
      ]),
    )
    const { caseId } = await dispatched()
    expect(await clockOf(caseId, 'first_answer')).toMatchObject({
      dueAt: '2026-03-10T18:00:00.000Z',
      explanation: expect.stringContaining('12 小时'),
    })
    expect(await clockOf(caseId, 'completion')).toMatchObject({ dueAt: '2026-03-13T16:00:00.000Z' }) // 3 working days: Fri 13 March, 24:00
    expect(await callAs(world.deps, 'station', { action: 'getClockSettings', siteId: SITE_A.id }, world.who['st-b'])).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    expect(
      await callAs(world.deps, 'station', { action: 'saveClockSettings', settings: { amounts: { on_site: 0 } } }, station),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { 'settings.amounts.on_site': '至少1分钟' } },
    })
    expect(await callAs(world.deps, 'station', { action: 'getClockSettings' }, world.who.clerkA)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    }) // a clerk is not staff
    await callAs(world.deps, 'station', { action: 'saveClockSettings', settings: {} }, station) // back to the defaults for the other tests
  })
})
