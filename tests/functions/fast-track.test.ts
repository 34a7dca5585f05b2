import { callAs, type Data } from '../support/call-as'
import { openWorkflowWorld } from '../support/workflow-world'

// Fast-track (快速响应) through the real handlers (issue 17.3, docs/domain.md "Fast-track"): the station
// decides at intake with a ground and names who goes on site; 15 minutes to dispatch, then 45 to
// respond and 90 to be on site; the named person's check-in stops the 90 minutes; after closing,
// the team reports back within 24 hours.
const MINUTE = 60_000

let world: Awaited<ReturnType<typeof openWorkflowWorld>>
beforeAll(async () => {
  world = await openWorkflowWorld()
})
afterAll(() => world.store.close())

const station = (action: string, input: Data, who = 'st-a') => callAs(world.deps, 'station', { action, ...input }, world.who[who])
const clock = async (caseId: string, id: string) => (await world.store.listClocksOfCase(caseId)).find((k) => k.clockId === id)
const minutesLeft = (k: { dueAt: string } | undefined, from: Date) => (k ? (Date.parse(k.dueAt) - from.getTime()) / MINUTE : null)

describe('a fast-track case with a quick-response team member', () => {
  it('when the station chooses fast-track at intake and names a team member, then 15 minutes to dispatch run; the dispatch starts 45 and 90; the member checks in from the phone with a location, which stops the 90 minutes', async () => {
    const caseId = await world.file('ft-shopper-1', { description: '现在还在店里，店员不让走，吵起来了' })
    const decidedAt = world.deps.clock.now()
    const decided = await station('fastTrack', { caseId, reason: 'on_site_dispute', onSite: 'team', staffId: 'st-a2', note: '现场纠纷' })
    expect(decided).toMatchObject({ ok: true, data: { status: 'received' } })
    expect(minutesLeft(await clock(caseId, 'fast_track_dispatch'), decidedAt)).toBe(15)
    const [, fastTracked] = await world.store.listEvents(caseId)
    expect(fastTracked).toMatchObject({
      type: 'fast_tracked',
      details: { kind: 'fast_track', reason: 'on_site_dispute', onSite: 'team', staffId: 'st-a2', staffName: '星河站回访员' },
    })

    world.deps.clock.advance(8 * MINUTE)
    const sentAt = world.deps.clock.now()
    expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: true })
    expect(await clock(caseId, 'fast_track_dispatch')).toMatchObject({ stage: 'stopped', stoppedAt: sentAt.toISOString() })
    expect(minutesLeft(await clock(caseId, 'fast_track_response'), sentAt)).toBe(45)
    expect(minutesLeft(await clock(caseId, 'on_site'), sentAt)).toBe(90)

    // the named member's case page offers the check-in
    const page = await station('getCase', { caseId }, 'st-a2')
    expect(page.ok && page.data.actions).toContain('staffCheckIn')

    world.deps.clock.advance(40 * MINUTE)
    const arrivedAt = world.deps.clock.now().toISOString()
    const location = { latitude: 30.2741, longitude: 120.1551, accuracy: 25 }
    expect(await station('staffCheckIn', { caseId, location }, 'st-a2')).toMatchObject({ ok: true })
    expect(await clock(caseId, 'on_site')).toMatchObject({ stage: 'stopped', stoppedAt: arrivedAt })
    expect(await clock(caseId, 'fast_track_response')).toMatchObject({ stage: 'stopped', stoppedAt: arrivedAt })
    const events = await world.store.listEvents(caseId)
    expect(events.at(-1)).toMatchObject({
      type: 'checked_in',
      actor: { role: 'station', id: 'st-a2' },
      details: { kind: 'team_check_in', located: true },
    })

    // the location: the station of the site reads it; it is in no event, and the shopper never sees it
    expect(await station('checkInLocations', { caseId })).toMatchObject({ ok: true, data: { items: [{ at: arrivedAt, ...location }] } })
    expect(JSON.stringify(events)).not.toContain('30.2741')
    const mine = await callAs(world.deps, 'consumer', { action: 'getMyCase', caseId }, { subject: 'ft-shopper-1' })
    expect(mine.ok).toBe(true)
    expect(JSON.stringify(mine)).not.toContain('30.2741')
    expect(JSON.stringify(mine)).toContain('快反队员到场签到，已记录签到位置') // that it was kept, never where
    const access = await world.store.listAccessOfCase(caseId)
    expect(access.map((a) => a.purpose)).toContain('station.checkInLocations')
  })

  it('when the station names nobody, then the member deciding goes; a check-in without a location is kept without one', async () => {
    const caseId = await world.file('ft-shopper-2')
    expect(await station('fastTrack', { caseId, reason: 'brief_visit' })).toMatchObject({ ok: true })
    expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: true })
    expect(await station('staffCheckIn', { caseId })).toMatchObject({ ok: true })
    expect((await world.store.listEvents(caseId)).at(-1)).toMatchObject({ actor: { id: 'st-a' }, details: { located: false } })
    expect(await station('checkInLocations', { caseId })).toMatchObject({ ok: true, data: { items: [] } })
  })
})

describe("a fast-track case with the shop's representative", () => {
  it("when the dispute is away from the shop, then the shop's representative checks in — before the station even accepted — and that stops the 90 minutes", async () => {
    const caseId = await world.file('ft-shopper-3')
    expect(await station('fastTrack', { caseId, reason: 'evidence_now', onSite: 'merchant' })).toMatchObject({ ok: true })
    const sentAt = world.deps.clock.now()
    expect(await station('fastDispatch', { caseId })).toMatchObject({ ok: true, data: { status: 'received' } })
    expect(minutesLeft(await clock(caseId, 'on_site'), sentAt)).toBe(90)

    const shopPage = await callAs(world.deps, 'merchant', { action: 'getCase', caseId }, world.who.clerkA)
    expect(shopPage.ok && shopPage.data.actions).toEqual(['checkIn'])
    const staffPage = await station('getCase', { caseId })
    expect(staffPage.ok && staffPage.data.actions).not.toContain('staffCheckIn')

    world.deps.clock.advance(30 * MINUTE)
    expect(await world.act('merchant', caseId, 'checkIn', world.who.clerkA)).toMatchObject({ ok: true })
    expect(await clock(caseId, 'on_site')).toMatchObject({ stage: 'stopped' })
    expect(await clock(caseId, 'fast_track_response')).toMatchObject({ stage: 'stopped' })
    expect(await station('staffCheckIn', { caseId })).toMatchObject({ ok: false, error: { code: 'NOT_ON_SITE_ASSIGNEE' } })
  })
})

describe('the 24-hour report back after closing', () => {
  const closeSettled = async (caseId: string, shopper: string) => {
    for (const step of ['accept', 'dispatch'])
      expect(await world.act('station', caseId, step, world.who['st-a'])).toMatchObject({ ok: true })
    expect(await world.act('merchant', caseId, 'answer', world.who.clerkA)).toMatchObject({ ok: true })
    expect(await world.act('consumer', caseId, 'acceptOffer', { subject: shopper })).toMatchObject({ ok: true })
    expect(await world.act('station', caseId, 'close', world.who['st-a'])).toMatchObject({ ok: true })
  }

  it('when a fast-track case closes, then the team owes its report within 24 hours, and the report stops the clock', async () => {
    const caseId = await world.file('ft-shopper-4')
    await station('fastTrack', { caseId, reason: 'safety_harmed' })
    await station('fastDispatch', { caseId })
    await station('staffCheckIn', { caseId })
    await closeSettled(caseId, 'ft-shopper-4')
    const closedAt = world.deps.clock.now()
    expect(minutesLeft(await clock(caseId, 'fast_track_feedback'), closedAt)).toBe(24 * 60)
    const page = await station('getCase', { caseId })
    expect(page.ok && page.data.actions).toContain('fastTrackFeedback')

    world.deps.clock.advance(5 * 60 * MINUTE)
    expect(await station('fastTrackFeedback', { caseId, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await station('fastTrackFeedback', { caseId, reason: '已现场处置，双方和解，商家退款' })).toMatchObject({ ok: true })
    expect(await clock(caseId, 'fast_track_feedback')).toMatchObject({ stage: 'stopped' })
    expect(await station('fastTrackFeedback', { caseId, reason: '再报一次' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })

  it('when an ordinary case closes, then no report back is owed', async () => {
    const caseId = await world.file('ft-shopper-5')
    await closeSettled(caseId, 'ft-shopper-5')
    expect(await clock(caseId, 'fast_track_feedback')).toBeUndefined()
    expect(await station('fastTrackFeedback', { caseId, reason: '无需反馈' })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    })
  })
})
