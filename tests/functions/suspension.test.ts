import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { tick } from '../../cloudfunctions/services/tick'
import { eventWords } from '../../src/domain/workflow/event-wording'
import { describeDetails } from '../../src/domain/workflow/event-details'
import { unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// Issue 17.8: 中止调解. While a mediation is suspended its mediation and completion clocks pause, the
// deadline's explanation says so, and resuming gives back the working days that were left.
const DAY = 86_400_000
// the world starts on Tuesday 2026-03-10, 10:00 Beijing

describe('suspending and resuming a mediation', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  const signInAgain = async () => {
    const login = await loginStaff(world.deps, 'st-a', 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    world.who['st-a'] = { subject: 'st-a-desk', staffSessionToken: login.data.token }
  }
  const clockOf = async (caseId: string, id: string) => (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === id)
  const stationPage = async (caseId: string) => {
    const page = await callAs(world.deps, 'station', { action: 'getCase', caseId }, world.who['st-a'])
    if (!page.ok) throw new Error(page.error.code)
    return page.data
  }
  /** A complaint the station accepted, sent to the shop and then chose to mediate. */
  const inMediation = async () => {
    const caseId = await world.file(unique('shopper'))
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await world.act('station', caseId, 'dispatch', world.who['st-a'])
    const r = await world.act('station', caseId, 'escalate', world.who['st-a'], '双方分歧较大，维权站介入')
    expect(r.ok ? r.data.status : r.error).toBe('mediating')
    return caseId
  }

  it('when the station suspends a mediation because a party cannot be reached, then the mediation and completion clocks pause and the page says so', async () => {
    const caseId = await inMediation()
    const before = await clockOf(caseId, 'mediation')
    expect(before).toMatchObject({ stage: 'running' }) // station_mediation started it
    expect((await stationPage(caseId)).actions).toContain('suspend')

    const r = await world.act('station', caseId, 'suspend', world.who['st-a'], '', {
      details: { kind: 'suspension', ground: 'party_unreachable' },
    })
    expect(r.ok ? r.data.status : r.error).toBe('mediating')
    for (const id of ['mediation', 'completion']) {
      const k = await clockOf(caseId, id)
      expect(k).toMatchObject({ stage: 'running', nextCheckAt: null, dueAt: id === 'mediation' ? before!.dueAt : k!.dueAt })
      expect(k!.pausedAt).toBe(world.deps.clock.now().toISOString())
    }
    expect(await clockOf(caseId, 'first_answer')).toMatchObject({ stage: 'stopped' }) // accepted: not a suspension's business

    const page = await stationPage(caseId)
    expect(page.actions).toContain('resume')
    expect(page.actions).not.toEqual(expect.arrayContaining(['mediate']))
    expect(page.actions).not.toContain('endMediation')
    expect(page.actions).not.toContain('suspend')
    const mediation = page.clocks.find((k: { clockId: string }) => k.clockId === 'mediation')
    expect(mediation.explanation).toContain('调解已中止')
    expect(mediation.paused).toBe(true)
    const last = page.timeline.at(-1)
    expect(eventWords({ type: last.type, actorRole: last.actorRole, details: last.details })).toBe('调解中止，期限暂停计算')
    expect(last.detailText).toBe('中止原因：当事人无法联系')
  })

  it('when a suspended mediation is resumed, then the clocks run again with the working days they had left and the timeline says since when it was on hold', async () => {
    const caseId = await inMediation()
    const before = (await clockOf(caseId, 'mediation'))!
    const suspendedAt = world.deps.clock.now().toISOString()
    await world.act('station', caseId, 'suspend', world.who['st-a'], '', { details: { kind: 'suspension', ground: 'awaiting_inspection' } })
    expect(await world.act('station', caseId, 'mediate', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })

    // two weeks later (Tuesday 24 March): the report arrived; 10 working days went by while suspended
    world.deps.clock.advance(14 * DAY)
    await signInAgain() // a staff session lasts less than two weeks
    expect(await world.act('station', caseId, 'resume', world.who['st-a'], '检验报告已出具')).toMatchObject({ ok: true })
    const after = (await clockOf(caseId, 'mediation'))!
    expect(after.pausedAt ?? null).toBeNull()
    expect(after.stage).toBe('running')
    // suspended on Tuesday 10 March, resumed on Tuesday 24 March: the due day moves ten working days (two weeks, no holiday)
    expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(14 * DAY)
    expect(after.nextCheckAt).toBe(after.remindAt)
    expect(Date.parse(after.remindAt)).toBeGreaterThan(Date.parse(before.remindAt))
    expect(after.explanation).toContain('调解中止')

    const events = await world.store.listEvents(caseId)
    const resumed = events.at(-1)!
    expect(resumed.type).toBe('mediation_resumed')
    expect(resumed.details).toEqual({ kind: 'resumption', suspendedAt })
    expect(describeDetails(resumed.details!)).toContain('中止的调解已恢复')
    expect(eventWords({ type: resumed.type, actorRole: resumed.actor.role, details: resumed.details })).toBe('恢复调解，期限继续计算')

    // and the mediation goes on to its end
    expect(await world.act('station', caseId, 'mediate', world.who['st-a'])).toMatchObject({ ok: true, data: { status: 'mediated' } })
  })

  it('when the ground is "other" with no words, or the case is not in mediation, then it is refused', async () => {
    const caseId = await inMediation()
    expect(await world.act('station', caseId, 'suspend', world.who['st-a'], '  ')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await world.act('station', caseId, 'resume', world.who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    const fresh = await world.file(unique('shopper'))
    expect(await world.act('station', fresh, 'suspend', world.who['st-a'], '当事人出差')).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    // a reason alone is an "other" ground, in the station's words
    expect(await world.act('station', caseId, 'suspend', world.who['st-a'], '商家负责人出国，两周后返回')).toMatchObject({ ok: true })
    expect((await world.store.listEvents(caseId)).at(-1)!.details).toEqual({ kind: 'suspension', ground: 'other' })
  })

  it('when the tick runs long after the old deadlines while the mediation is suspended, then the paused clocks send no card and stay as they were', async () => {
    const caseId = await inMediation()
    await world.act('station', caseId, 'suspend', world.who['st-a'], '', { details: { kind: 'suspension', ground: 'awaiting_inspection' } })
    const paused = await world.store.listClocksOfCase(caseId)
    const cards = async () =>
      (await world.store.listPendingOutbox(1000)).filter(
        (m) => m.caseId === caseId && (m.template.startsWith('clock.mediation') || m.template.startsWith('clock.completion')),
      )
    await tick(world.deps, new Date(world.deps.clock.now().getTime() + 120 * DAY)) // past both due dates
    expect(await cards()).toEqual([])
    const after = await world.store.listClocksOfCase(caseId)
    for (const id of ['mediation', 'completion']) expect(after.find((k) => k.clockId === id)).toEqual(paused.find((k) => k.clockId === id))
  })

  it('when the shopper withdraws a suspended case, then its paused clocks stop', async () => {
    const caseId = await inMediation()
    await world.act('station', caseId, 'suspend', world.who['st-a'], '', { details: { kind: 'suspension', ground: 'party_unreachable' } })
    const shopper = (await world.store.getCase(caseId))!.filedBy
    expect(await world.act('consumer', caseId, 'withdraw', { subject: shopper })).toMatchObject({ ok: true, data: { status: 'withdrawn' } })
    expect(await clockOf(caseId, 'mediation')).toMatchObject({ stage: 'stopped' })
    expect(await clockOf(caseId, 'completion')).toMatchObject({ stage: 'stopped' })
  })
})
