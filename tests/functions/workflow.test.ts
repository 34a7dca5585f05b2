import fc from 'fast-check'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { verifyChain } from '../../src/domain/workflow/event-chain'
import { unique } from '../support/builders'
import { openWorkflowWorld, type Fn } from '../support/workflow-world'

// A case's life through the functions: each step checked by the state machine, scoped to who may
// see the case, and written with its chained event and notifications.
describe('case workflow through the functions', () => {
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  let who: typeof world.who
  const act = (...args: Parameters<typeof world.act>) => world.act(...args)
  const file = (subject: string) => world.file(subject)
  const sha256 = (text: string) => world.sha256(text)

  beforeAll(async () => {
    world = await openWorkflowWorld()
    store = world.store
    who = world.who
  })
  afterAll(() => store.close())

  it('when the station accepts, the merchant answers and the consumer accepts, then the case closes as settled with a valid chained timeline', async () => {
    const caseId = await file('shopper-1')
    const shopper = { subject: 'shopper-1' }
    expect(await act('station', caseId, 'accept', who['st-a'])).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await act('station', caseId, 'dispatch', who['st-a'])).toMatchObject({ ok: true, data: { status: 'with_merchant' } })
    expect(await act('merchant', caseId, 'answer', who.clerkA, '全额退款并赠送代金券')).toMatchObject({
      ok: true,
      data: { status: 'merchant_answered' },
    })
    expect(await act('consumer', caseId, 'acceptOffer', shopper)).toMatchObject({ ok: true, data: { status: 'settled' } })
    expect(await act('station', caseId, 'close', who['st-a'])).toMatchObject({ ok: true, data: { status: 'closed', outcome: 'settled' } })

    const events = await store.listEvents(caseId)
    expect(events.map((e) => e.type)).toEqual(['submitted', 'accepted', 'dispatched', 'answered', 'offer_accepted', 'closed'])
    expect(events[3]).toMatchObject({
      actor: { role: 'merchant', id: 'clerk-a' },
      note: '全额退款并赠送代金券',
      details: { kind: 'offer', remedy: 'refund', amountFen: 12800 },
    })
    expect(verifyChain(events, sha256)).toEqual({ ok: true, length: 6 })
    const outbox = (await store.listPendingOutbox(500)).filter((m) => m.caseId === caseId).map((m) => m.template)
    expect(outbox).toEqual(
      expect.arrayContaining([
        'consumer.accepted',
        'merchant.dispatched',
        'consumer.answered',
        'merchant.offer_accepted',
        'consumer.closed',
      ]),
    )
  })

  it('when an event is edited or removed afterwards, then the chain check names the first broken link', async () => {
    const caseId = await file('shopper-2')
    await act('station', caseId, 'accept', who['st-a'])
    await act('station', caseId, 'dispatch', who['st-a'])
    const events = await store.listEvents(caseId)
    const edited = events.map((e) => (e.seq === 2 ? { ...e, note: '改过的记录' } : e))
    expect(verifyChain(edited, sha256)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'hash' })
    expect(verifyChain([events[0], events[2]], sha256)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'sequence' })
    const withFile = events.map((e) => (e.seq === 3 ? { ...e, attachments: ['slipped-in-later'] } : e))
    expect(verifyChain(withFile, sha256)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash' })
  })

  it("when someone outside the case acts on it, then it is not found — another site's station, another shop, another shopper", async () => {
    const caseId = await file('shopper-3')
    expect(await act('station', caseId, 'accept', who['st-b'])).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    await act('station', caseId, 'accept', who['st-a'])
    await act('station', caseId, 'dispatch', who['st-a'])
    expect(await act('merchant', caseId, 'answer', who.clerkB)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await act('consumer', caseId, 'withdraw', { subject: 'someone-else' })).toMatchObject({
      ok: false,
      error: { code: 'CASE_NOT_FOUND' },
    })
    expect(await act('consumer', caseId, 'withdraw', { subject: 'shopper-3' })).toMatchObject({ ok: true, data: { status: 'withdrawn' } })
  })

  it('when a step does not fit the state, then ILLEGAL_TRANSITION; a rejection needs a reason', async () => {
    const caseId = await file('shopper-4')
    expect(await act('merchant', caseId, 'answer', who.clerkA)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
    expect(await act('station', caseId, 'reject', who['st-a'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { reason: '请填写原因' } },
    })
    expect(await act('station', caseId, 'reject', who['st-a'], '不属于消费纠纷')).toMatchObject({
      ok: true,
      data: { status: 'not_accepted' },
    })
  })

  it('when two staff accept the same case at once, then exactly one step is recorded', async () => {
    const caseId = await file('shopper-5')
    const results = await Promise.all([act('station', caseId, 'accept', who['st-a']), act('station', caseId, 'accept', who['st-a'])])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/CONCURRENT_UPDATE|ILLEGAL_TRANSITION/) },
    })
    expect((await store.listEvents(caseId)).map((e) => e.type)).toEqual(['submitted', 'accepted'])
  })

  it('when random people try random steps, then events are never lost or reordered and the chain stays valid', async () => {
    const attempts: [Fn, string, string][] = [
      ['station', 'accept', 'st-a'],
      ['station', 'dispatch', 'st-a'],
      ['station', 'reject', 'st-a'],
      ['station', 'escalate', 'st-a'],
      ['station', 'mediate', 'st-a'],
      ['station', 'endMediation', 'st-a'],
      ['station', 'close', 'st-a'],
      ['station', 'reopen', 'st-a'],
      ['station', 'accept', 'st-b'],
      ['merchant', 'answer', 'clerkA'],
      ['merchant', 'checkIn', 'clerkA'],
      ['merchant', 'answer', 'clerkB'],
      ['consumer', 'acceptOffer', 'owner'],
      ['consumer', 'refuseOffer', 'owner'],
      ['consumer', 'withdraw', 'owner'],
      ['consumer', 'withdraw', 'stranger'],
      ['station', 'requireOnSite', 'st-a'],
      ['station', 'extend', 'st-a'],
      ['station', 'returnVisit', 'st-a2'],
      ['consumer', 'rate', 'owner'],
    ]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(attempts.length - 1), { maxLength: 12 }), fc.boolean(), async (picks, withReason) => {
        const owner = unique('owner')
        const caseId = await file(owner)
        let recorded = 1
        for (const i of picks) {
          const [fn, caseAction, actor] = attempts[i]
          const as = actor === 'owner' ? { subject: owner } : actor === 'stranger' ? { subject: 'stranger' } : who[actor]
          const r = await act(fn, caseId, caseAction, as, withReason ? '理由' : '')
          if (r.ok) recorded++
          else
            expect([
              'ILLEGAL_TRANSITION',
              'CASE_NOT_FOUND',
              'VALIDATION_FAILED',
              'FORBIDDEN',
              'EXTENSION_NOT_ALLOWED',
              'RETURN_VISIT_BY_HANDLER',
            ]).toContain(r.error.code)
        }
        const events = await store.listEvents(caseId)
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: recorded }, (_, k) => k + 1))
        expect(verifyChain(events, sha256)).toEqual({ ok: true, length: recorded })
        expect((await store.getCase(caseId))?.version).toBe(recorded)
      }),
      { numRuns: 25 },
    )
  })
})
