import { eventWords } from '../../src/domain/workflow/event-wording'
import { unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// Issue 16.3: the shop checks in (已到场) whenever an on-site clock runs, not only after a dispatch.
// Issue 16.4: the clock running out and the station choosing to mediate are different events.
const MINUTE = 60_000

describe('on-site check-in and the cause of an escalation', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  const onSite = async (caseId: string) => (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === 'on_site')
  const merchantActions = async (caseId: string) => {
    const page = await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA)
    if (!page.ok) throw new Error(page.error.code)
    return page.data.actions
  }

  it('when the station accepts and requires someone on site without dispatching, then the shop can check in and that stops the 90-minute clock', async () => {
    const caseId = await world.file(unique('shopper'))
    await world.act('station', caseId, 'accept', world.who['st-a'])
    expect(await merchantActions(caseId)).toEqual([]) // nothing runs yet: nothing to check in for
    expect(await world.act('station', caseId, 'requireOnSite', world.who['st-a'])).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await onSite(caseId)).toMatchObject({ stage: 'running' })
    expect(await merchantActions(caseId)).toEqual(['checkIn'])
    world.deps.clock.advance(20 * MINUTE)
    expect(await world.act('merchant', caseId, 'checkIn', world.who.clerkA)).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await onSite(caseId)).toMatchObject({ stage: 'stopped' })
    expect(await merchantActions(caseId)).toEqual([]) // the clock stopped: the button goes
  })

  it('when the station chose to mediate before the shop clock ran out, then the timeline says the station stepped in, and the shop can still check in', async () => {
    const caseId = await world.file(unique('shopper'))
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await world.act('station', caseId, 'dispatch', world.who['st-a'])
    world.deps.clock.advance(1 * MINUTE)
    await world.act('station', caseId, 'requireOnSite', world.who['st-a'])
    expect(await world.act('station', caseId, 'escalate', world.who['st-a'], '双方分歧较大，维权站介入')).toMatchObject({
      ok: true,
      data: { status: 'mediating' },
    })
    expect(await merchantActions(caseId)).toEqual(['checkIn'])
    expect(await world.act('merchant', caseId, 'checkIn', world.who.clerkA)).toMatchObject({ ok: true, data: { status: 'mediating' } })
    const events = await world.store.listEvents(caseId)
    const step = events.find((e) => e.type === 'station_mediation')
    expect(step).toBeDefined()
    expect(events.some((e) => e.type === 'escalated')).toBe(false)
    expect(eventWords({ type: step!.type, actorRole: step!.actor.role, details: step!.details })).toBe('维权站介入调解')
    expect((await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === 'merchant_response')).toMatchObject({ stage: 'stopped' })
  })

  it('when the shop clock ran out before the station escalates, then the event is the timeout and says so', async () => {
    const caseId = await world.file(unique('shopper'))
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await world.act('station', caseId, 'dispatch', world.who['st-a'])
    world.deps.clock.advance(46 * MINUTE)
    expect(await world.act('station', caseId, 'escalate', world.who['st-a'], '商家45分钟未响应')).toMatchObject({ ok: true })
    const last = (await world.store.listEvents(caseId)).at(-1)!
    expect(last.type).toBe('escalated')
    expect(eventWords({ type: last.type, actorRole: last.actor.role, details: last.details })).toBe('商家超时未响应，转维权站调解')
  })
})
