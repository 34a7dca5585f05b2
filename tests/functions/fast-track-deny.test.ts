import { callAs, type Data } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// Fast-track, deny by default (issue 17.3): only the station of the case's site decides and
// dispatches; only the person named checks in — not another member of the same station, not
// another site's staff, not the shop when a team member was named; the location is for the station.

let world: Awaited<ReturnType<typeof openWorkflowWorld>>
beforeAll(async () => {
  world = await openWorkflowWorld()
})
afterAll(() => world.store.close())

const station = (action: string, input: Data, who = 'st-a') => callAs(world.deps, 'station', { action, ...input }, world.who[who])
/** A case fast-tracked to st-a2 and dispatched. */
const sentToA2 = async (subject: string) => {
  const caseId = await world.file(subject)
  expect(await station('fastTrack', { caseId, reason: 'group_or_public', staffId: 'st-a2' })).toMatchObject({ ok: true })
  expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: true })
  return caseId
}

describe('who may check in', () => {
  it('when another member of the same station checks in for the one named, then it is refused and the 90 minutes run on', async () => {
    const caseId = await sentToA2('deny-1')
    expect(await station('staffCheckIn', { caseId })).toMatchObject({ ok: false, error: { code: 'NOT_ON_SITE_ASSIGNEE' } })
    expect((await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === 'on_site')).toMatchObject({ stage: 'running' })
  })

  it("when another site's staff check in, decide or dispatch, then the case is not found at all", async () => {
    const caseId = await sentToA2('deny-2')
    for (const [action, input] of [
      ['staffCheckIn', { caseId }],
      ['fastDispatch', { caseId }],
      ['checkInLocations', { caseId }],
    ] as const)
      expect(await station(action, input, 'st-b')).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    const other = await world.file('deny-2b')
    expect(await station('fastTrack', { caseId: other, reason: 'on_site_dispute' }, 'st-b')).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
  })

  it('when a team member was named, then the shop cannot check in instead, and is not offered to', async () => {
    const caseId = await sentToA2('deny-3')
    const page = await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA)
    expect(page.ok && page.data.actions).not.toContain('checkIn')
    expect(await world.act('merchant', caseId, 'checkIn', world.who.clerkA)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ON_SITE_ASSIGNEE' },
    })
  })

  it('when a shopper or a clerk calls the station steps, then they are not staff and are turned away', async () => {
    const caseId = await sentToA2('deny-4')
    for (const who of [{ subject: 'deny-4' }, world.who.clerkA])
      for (const action of ['staffCheckIn', 'fastTrack', 'fastDispatch', 'checkInLocations'])
        expect(await callAs(world.deps, 'station', { action, caseId, reason: 'on_site_dispute' }, who)).toMatchObject({
          ok: false,
          error: { code: 'UNAUTHENTICATED' }, // the station function is for signed-in staff only
        })
  })
})

describe('who may be named', () => {
  it("when the station names another site's staff or nobody real, then the choice is refused", async () => {
    const caseId = await world.file('deny-5')
    for (const staffId of ['st-b', 'nobody'])
      expect(await station('fastTrack', { caseId, reason: 'on_site_dispute', staffId })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      })
    expect(await station('fastTrack', { caseId, reason: 'maybe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('when a report is fast-tracked, then the shop reported is never sent on site, and never hears of it', async () => {
    const caseId = await world.file('deny-6', { kind: 'report', anonymous: true, demands: [] })
    expect(await station('fastTrack', { caseId, reason: 'safety_harmed', onSite: 'merchant' })).toMatchObject({
      ok: false,
      error: { code: 'REPORT_NOT_FOR_MERCHANT' },
    })
    expect(await station('fastTrack', { caseId, reason: 'safety_harmed' })).toMatchObject({ ok: true })
    expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: true })
    const outbox = (await world.store.listPendingOutbox(500)).filter((m) => m.caseId === caseId)
    expect(outbox.some((m) => m.recipient.role === 'merchant')).toBe(false)
  })

  it('when a case was fast-tracked once, then it is not decided again, and the dispatch happens once', async () => {
    const caseId = await sentToA2('deny-7')
    expect(await station('fastTrack', { caseId, reason: 'on_site_dispute' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
    expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
  })
})
