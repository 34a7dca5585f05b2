import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { tick } from '../../cloudfunctions/services/tick'
import { drawSample } from '../../src/domain/callback/callback-draw'
import { callAs } from '../support/call-as'
import { unique } from '../support/builders'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

const NOV = new Date('2026-11-10T06:00:00Z') // a working Tuesday in November
const FIRST_OF_DEC = new Date('2026-11-30T16:05:00Z') // 1 December 00:05 Beijing
const answers = (promiseKept: boolean, satisfied: boolean) => ({
  knowsResult: true,
  promiseKept,
  satisfied,
  improve: '希望退款更快',
  unresolved: '',
})

// The monthly call-back (回访抽查) through the tick and the station function, and the review list of
// ratings below 80 % (docs/callbacks.md).
describe('call-backs and rating reviews through the functions', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  const station = (as: string, event: Record<string, unknown>) => callAs(world.deps, 'station', event, world.who[as])
  const closedCases: string[] = []
  let lowRated = ''

  beforeAll(async () => {
    world = await openWorkflowWorld(NOV)
    store = world.store
    for (let i = 0; i < 4; i++) {
      const shopper = unique('shopper')
      const caseId = await world.file(shopper)
      for (const step of ['accept', 'dispatch'] as const) await world.act('station', caseId, step, world.who['st-a'])
      await world.act('merchant', caseId, 'answer', world.who.clerkA)
      await world.act('consumer', caseId, 'acceptOffer', { subject: shopper })
      expect(await world.act('station', caseId, 'close', world.who['st-a'])).toMatchObject({ ok: true })
      closedCases.push(caseId)
      if (i === 0) {
        const low = { kind: 'rating', speed: 4, professionalism: 4, attitude: 3, satisfied: true, comment: '' }
        expect(await world.act('consumer', caseId, 'rate', { subject: shopper }, '', { details: low })).toMatchObject({ ok: true })
        lowRated = caseId
      }
      if (i === 1) expect(await world.act('consumer', caseId, 'rate', { subject: shopper })).toMatchObject({ ok: true }) // 13 of 15: no review
    }
  })
  afterAll(() => store.close())

  it('when the tick runs on 1 December, then 30 % of November rounded up is drawn once, re-runnable from the stored seed, never assigned to the closer', async () => {
    world.deps.clock.set(FIRST_OF_DEC)
    await tick(world.deps, FIRST_OF_DEC)
    for (const id of ['st-a', 'st-a2', 'st-b']) {
      const login = await loginStaff(world.deps, id, 'pw-123456') // November's desk sessions have expired
      if (login.ok) world.who[id] = { subject: `${id}-desk`, staffSessionToken: login.data.token }
    }
    const sample = await store.getCallbackSample(SITE_A.id, '2026-11')
    expect(sample?.population).toEqual([...closedCases].sort())
    expect(sample?.items).toHaveLength(2) // 4 × 30 % = 1.2 → 2
    expect(sample?.items.map((i) => i.caseId)).toEqual(drawSample(sample?.seed ?? '', sample?.population ?? [], world.sha256))
    expect(sample?.items.map((i) => i.assigneeId)).toEqual(['st-a2', 'st-a2']) // st-a closed them all
    expect(sample).toMatchObject({ dueDate: '2026-12-10', dueAt: '2026-12-10T16:00:00.000Z' })
    const clock = (await store.listClocksOfCase(sample?.items[0].caseId ?? '')).find((k) => k.clockId === 'callback_sample')
    expect(clock).toMatchObject({ stage: 'running', dueAt: '2026-12-10T16:00:00.000Z' })

    await tick(world.deps, new Date(FIRST_OF_DEC.getTime() + 60_000))
    const again = await store.getCallbackSample(SITE_A.id, '2026-11')
    expect(again).toEqual(sample) // the same seed, the same draw: nothing new
  })

  it('when the closer tries to call back, then the workflow refuses; someone else records "promise not kept" and the case can be reopened', async () => {
    const sample = await store.getCallbackSample(SITE_A.id, '2026-11')
    const [first] = sample?.items ?? []
    const byCloser = await station('st-a', { action: 'callbackComplete', caseId: first.caseId, answers: answers(false, true) })
    expect(byCloser).toMatchObject({ ok: false, error: { code: 'RETURN_VISIT_BY_HANDLER' } })

    const seen = await station('st-a2', { action: 'callbackCase', caseId: first.caseId })
    expect(seen).toMatchObject({ ok: true, data: { callerIsCloser: false, complainant: { phone: expect.stringMatching(/^1\d{10}$/) } } })

    const done = await station('st-a2', { action: 'callbackComplete', caseId: first.caseId, answers: answers(false, true) })
    expect(done).toMatchObject({ ok: true, data: { wantsReopen: true, canReopen: true, item: { status: 'completed' } } })
    expect((await store.listEvents(first.caseId)).at(-1)).toMatchObject({ type: 'return_visited', details: { promiseKept: false } })
    expect((await store.listClocksOfCase(first.caseId)).find((k) => k.clockId === 'callback_sample')).toMatchObject({ stage: 'stopped' })
    const reopened = await world.act('station', first.caseId, 'reopen', world.who['st-a2'], '回访抽查：商家未履行承诺')
    expect(reopened).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await station('st-a2', { action: 'callbackComplete', caseId: first.caseId, answers: answers(true, true) })).toMatchObject({
      ok: false,
      error: { code: 'CALLBACK_DONE' },
    })
  })

  it('when three tries do not get through, then the case is unreachable, kept in the sample, and completion is 1 of 2 against 98 %', async () => {
    const sample = await store.getCallbackSample(SITE_A.id, '2026-11')
    const second = sample?.items[1].caseId
    for (const note of ['无人接听', '关机', '无人接听']) await station('st-a2', { action: 'callbackAttempt', caseId: second, note })
    expect((await store.listClocksOfCase(second ?? '')).find((k) => k.clockId === 'callback_sample')).toMatchObject({ stage: 'stopped' })
    const list = await station('st-a2', { action: 'callbackList' })
    expect(list).toMatchObject({
      ok: true,
      data: {
        month: '2026-11',
        progress: { sampled: 2, completed: 1, unreachable: 1, pending: 0, percent: 50, meetsGoal: false, goalPercent: 98 },
      },
    })
    expect(list.ok && list.data.items[1]).toMatchObject({ status: 'unreachable', statusLabel: '无法联系', attempts: [{}, {}, {}] })
    expect(await station('st-a2', { action: 'callbackProgress' })).toMatchObject({
      ok: true,
      data: { sites: [{ siteId: SITE_A.id, sampled: 2, completed: 1, unreachable: 1 }] },
    })
  })

  it("when the site's clock numbers are shown, then the call-back clock is not among them: its due day is the 10th, not an amount", async () => {
    const settings = await station('st-a', { action: 'getClockSettings' })
    expect(settings.ok && settings.data.effective.map((c: { clockId: string }) => c.clockId)).not.toContain('callback_sample')
  })

  it("when another site's staff ask for this site's sample or case, then they are told it does not exist", async () => {
    expect(await station('st-b', { action: 'callbackList', siteId: SITE_A.id })).toMatchObject({
      ok: false,
      error: { code: 'SITE_NOT_FOUND' },
    })
    const first = (await store.getCallbackSample(SITE_A.id, '2026-11'))?.items[0].caseId
    expect(await station('st-b', { action: 'callbackCase', caseId: first })).toMatchObject({
      ok: false,
      error: { code: 'CALLBACK_NOT_FOUND' },
    })
    expect(await callAs(world.deps, 'station', { action: 'callbackList' }, world.who.clerkA)).toMatchObject({ ok: false })
  })

  it('when a rating is below 80 %, then it is on the review list once, and the review is recorded with who and when, once', async () => {
    const list = await station('st-a', { action: 'ratingReviews' })
    expect(list).toMatchObject({ ok: true, data: { items: [{ caseId: lowRated, percent: 73, status: 'open' }] } })
    const eventId = list.ok ? list.data.items[0].eventId : ''
    const review = { action: 'reviewRating', eventId, findings: '商家退款拖延，调解员未跟进', changes: '调解后次日电话确认履行' }
    expect(await station('st-b', review)).toMatchObject({ ok: false, error: { code: 'REVIEW_NOT_FOUND' } })
    expect(await station('st-a', review)).toMatchObject({
      ok: true,
      data: { status: 'reviewed', reviewedBy: 'st-a', reviewedAt: FIRST_OF_DEC.toISOString() },
    })
    expect(await station('st-a', review)).toMatchObject({ ok: false, error: { code: 'REVIEW_DONE' } })
  })
})
