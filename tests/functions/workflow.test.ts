import { callAs } from '../support/call-as'
import fc from 'fast-check'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import type { PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { verifyChain } from '../../src/domain/workflow/event-chain'
import { aSubmission, unique } from '../support/builders'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

type Fn = 'consumer' | 'merchant' | 'station'

// A case's life through the functions: each step checked by the state machine, scoped to who may
// see the case, and written with its chained event and notifications.
describe('case workflow through the functions', () => {
  let store: Store
  let deps: Deps
  const who: Record<string, PlatformIdentity> = {}

  const act = (fn: Fn, caseId: string, caseAction: string, as: PlatformIdentity, reason = '') =>
    callAs(deps, fn, { action: fn === 'consumer' ? 'actOnMyCase' : 'actOnCase', caseId, caseAction, reason }, as)
  const file = async (subject: string) => {
    const event = aSubmission(SHOP_A.code, { idempotencyKey: unique('wf').padEnd(16, '0') })
    const r = await callAs(deps, 'consumer', event, { subject })
    if (!r.ok) throw new Error(r.error.code)
    return r.data.caseId as string
  }
  const sha256 = (text: string) => deps.secrets.hashToken(text)

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const now = '2026-03-10T02:00:00.000Z'
    const passwordHash = await deps.secrets.hashPassword('pw-123456')
    await store.saveStaff({ id: 'st-a', username: 'st-a', displayName: '星河站', role: 'station', siteId: SITE_A.id, passwordHash, createdAt: now })
    await store.saveStaff({ id: 'st-b', username: 'st-b', displayName: '滨江站', role: 'station', siteId: SITE_B.id, passwordHash, createdAt: now })
    await store.saveMembership({ id: 'm-a', merchantId: SHOP_A.id, siteId: SITE_A.id, subject: 'clerk-a', status: 'active', createdAt: now })
    await store.saveMembership({ id: 'm-b', merchantId: SHOP_B.id, siteId: SITE_B.id, subject: 'clerk-b', status: 'active', createdAt: now })
    for (const u of ['st-a', 'st-b']) {
      const login = await loginStaff(deps, u, 'pw-123456')
      if (!login.ok) throw new Error(login.error.code)
      who[u] = { subject: `${u}-desk`, staffSessionToken: login.data.token }
    }
    who.clerkA = { subject: 'clerk-a' }
    who.clerkB = { subject: 'clerk-b' }
  })
  afterAll(() => store.close())

  it('when the station accepts, the merchant answers and the consumer accepts, then the case closes as settled with a valid chained timeline', async () => {
    const caseId = await file('shopper-1')
    const shopper = { subject: 'shopper-1' }
    expect(await act('station', caseId, 'accept', who['st-a'])).toMatchObject({ ok: true, data: { status: 'accepted' } })
    expect(await act('station', caseId, 'dispatch', who['st-a'])).toMatchObject({ ok: true, data: { status: 'with_merchant' } })
    expect(await act('merchant', caseId, 'answer', who.clerkA, '全额退款并赠送代金券')).toMatchObject({ ok: true, data: { status: 'merchant_answered' } })
    expect(await act('consumer', caseId, 'acceptOffer', shopper)).toMatchObject({ ok: true, data: { status: 'settled' } })
    expect(await act('station', caseId, 'close', who['st-a'])).toMatchObject({ ok: true, data: { status: 'closed', outcome: 'settled' } })

    const events = await store.listEvents(caseId)
    expect(events.map((e) => e.type)).toEqual(['submitted', 'accepted', 'dispatched', 'answered', 'offer_accepted', 'closed'])
    expect(events[3]).toMatchObject({ actor: { role: 'merchant', id: 'clerk-a' }, note: '全额退款并赠送代金券' })
    expect(verifyChain(events, sha256)).toEqual({ ok: true, length: 6 })
    const outbox = (await store.listPendingOutbox(500)).filter((m) => m.caseId === caseId).map((m) => m.template)
    expect(outbox).toEqual(expect.arrayContaining(['consumer.accepted', 'merchant.dispatched', 'consumer.answered', 'merchant.offer_accepted', 'consumer.closed']))
  })

  it('when an event is edited or removed afterwards, then the chain check names the first broken link', async () => {
    const caseId = await file('shopper-2')
    await act('station', caseId, 'accept', who['st-a'])
    await act('station', caseId, 'dispatch', who['st-a'])
    const events = await store.listEvents(caseId)
    const edited = events.map((e) => (e.seq === 2 ? { ...e, note: '改过的记录' } : e))
    expect(verifyChain(edited, sha256)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'hash' })
    expect(verifyChain([events[0], events[2]], sha256)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'sequence' })
  })

  it("when someone outside the case acts on it, then it is not found — another site's station, another shop, another shopper", async () => {
    const caseId = await file('shopper-3')
    expect(await act('station', caseId, 'accept', who['st-b'])).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    await act('station', caseId, 'accept', who['st-a'])
    await act('station', caseId, 'dispatch', who['st-a'])
    expect(await act('merchant', caseId, 'answer', who.clerkB)).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await act('consumer', caseId, 'withdraw', { subject: 'someone-else' })).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
    expect(await act('consumer', caseId, 'withdraw', { subject: 'shopper-3' })).toMatchObject({ ok: true, data: { status: 'withdrawn' } })
  })

  it('when a step does not fit the state, then ILLEGAL_TRANSITION; a rejection needs a reason', async () => {
    const caseId = await file('shopper-4')
    expect(await act('merchant', caseId, 'answer', who.clerkA)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } })
    expect(await act('station', caseId, 'reject', who['st-a'])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { reason: '请填写原因' } } })
    expect(await act('station', caseId, 'reject', who['st-a'], '不属于消费纠纷')).toMatchObject({ ok: true, data: { status: 'not_accepted' } })
  })

  it('when two staff accept the same case at once, then exactly one step is recorded', async () => {
    const caseId = await file('shopper-5')
    const results = await Promise.all([act('station', caseId, 'accept', who['st-a']), act('station', caseId, 'accept', who['st-a'])])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/CONCURRENT_UPDATE|ILLEGAL_TRANSITION/) } })
    expect((await store.listEvents(caseId)).map((e) => e.type)).toEqual(['submitted', 'accepted'])
  })

  it('when random people try random steps, then events are never lost or reordered and the chain stays valid', async () => {
    const attempts: [Fn, string, string][] = [
      ['station', 'accept', 'st-a'], ['station', 'dispatch', 'st-a'], ['station', 'reject', 'st-a'], ['station', 'escalate', 'st-a'],
      ['station', 'mediate', 'st-a'], ['station', 'endMediation', 'st-a'], ['station', 'close', 'st-a'], ['station', 'reopen', 'st-a'],
      ['station', 'accept', 'st-b'], ['merchant', 'answer', 'clerkA'], ['merchant', 'checkIn', 'clerkA'], ['merchant', 'answer', 'clerkB'],
      ['consumer', 'acceptOffer', 'owner'], ['consumer', 'refuseOffer', 'owner'], ['consumer', 'withdraw', 'owner'], ['consumer', 'withdraw', 'stranger'],
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
          else expect(['ILLEGAL_TRANSITION', 'CASE_NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN']).toContain(r.error.code)
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
