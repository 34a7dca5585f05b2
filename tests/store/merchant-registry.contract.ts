import type { Membership, MerchantInvite } from '../../cloudfunctions/ports/records'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { Merchant } from '../../src/domain/merchant.schema'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'

/**
 * The merchant registry's part of the store contract: credit codes, clerk invites and bindings, and
 * the counts a shop's record is made of. Run against every adapter, beside storeContract.
 */
export function merchantRegistryContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Merchant registry store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const seedShop = async (over: Partial<Merchant> = {}) => {
      const site = aSite()
      const merchant = aMerchant(site, over)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      return { site, merchant }
    }
    const anInvite = (m: Merchant, over: Partial<MerchantInvite> = {}): MerchantInvite => ({
      id: unique('invite'),
      merchantId: m.id,
      siteId: m.siteId,
      codeHash: unique('hash'),
      createdBy: 'staff-1',
      createdAt: '2026-03-10T02:00:00.000Z',
      expiresAt: '2026-03-17T02:00:00.000Z',
      withdrawnAt: null,
      ...over,
    })
    const aRequest = (m: Merchant, subject: string, at = '2026-03-10T02:00:00.000Z'): Membership => ({
      id: unique('member'),
      merchantId: m.id,
      siteId: m.siteId,
      subject,
      status: 'pending',
      createdAt: at,
    })

    describe('shops', () => {
      it('when a shop has a credit code, commitment and contact, then they read back as saved', async () => {
        const { merchant } = await seedShop({
          doubleCommitmentSigned: true,
          responseMinutes: 30,
          onSiteMinutes: 60,
          contactName: '欧阳店长',
          contactPhone: '13912345678',
        })
        expect(await store.getMerchant(merchant.id)).toEqual(merchant)
        const noContact = { ...merchant, contactName: '', contactPhone: '', doubleCommitmentSigned: false }
        await store.saveMerchant(noContact)
        expect(await store.getMerchant(merchant.id)).toEqual(noContact)
      })

      it('when a credit code is looked up, then only the shop of that site comes back, and an empty code finds nothing', async () => {
        const { site, merchant } = await seedShop()
        expect(await store.findMerchantByUscc(site.id, merchant.uscc)).toEqual(merchant)
        expect(await store.findMerchantByUscc(unique('other-site'), merchant.uscc)).toBeNull()
        const older = aMerchant(site, { uscc: '' })
        await store.saveMerchant(older)
        expect(await store.findMerchantByUscc(site.id, '')).toBeNull()
      })
    })

    describe('invites', () => {
      it('when an invite is live, then its hash finds it until it expires', async () => {
        const { merchant } = await seedShop()
        const invite = anInvite(merchant)
        await store.saveInvite(invite)
        expect(await store.getInvite(invite.id)).toEqual(invite)
        expect(await store.findLiveInvite(invite.codeHash, '2026-03-17T01:59:59.000Z')).toEqual(invite)
        expect(await store.findLiveInvite(invite.codeHash, '2026-03-17T02:00:00.000Z')).toBeNull()
        expect(await store.findLiveInvite(unique('hash'), '2026-03-10T03:00:00.000Z')).toBeNull()
      })

      it('when an invite is withdrawn, then it is no longer live, and withdrawing again keeps the first time', async () => {
        const { merchant } = await seedShop()
        const invite = anInvite(merchant)
        await store.saveInvite(invite)
        await store.withdrawInvite(invite.id, '2026-03-11T00:00:00.000Z')
        await store.withdrawInvite(invite.id, '2026-03-12T00:00:00.000Z')
        expect(await store.findLiveInvite(invite.codeHash, '2026-03-11T01:00:00.000Z')).toBeNull()
        expect((await store.getInvite(invite.id))?.withdrawnAt).toBe('2026-03-11T00:00:00.000Z')
      })

      it("when a shop's live invites are listed, then expired and withdrawn ones are left out, newest first", async () => {
        const { merchant } = await seedShop()
        const old = anInvite(merchant, { createdAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-08T00:00:00.000Z' })
        const live = anInvite(merchant, { createdAt: '2026-03-09T00:00:00.000Z', expiresAt: '2026-03-16T00:00:00.000Z' })
        const newer = anInvite(merchant, { createdAt: '2026-03-10T00:00:00.000Z' })
        const withdrawn = anInvite(merchant, { withdrawnAt: '2026-03-10T01:00:00.000Z' })
        for (const i of [old, live, newer, withdrawn]) await store.saveInvite(i)
        expect((await store.listLiveInvitesOf(merchant.id, '2026-03-10T02:00:00.000Z')).map((i) => i.id)).toEqual([newer.id, live.id])
      })
    })

    describe('bindings', () => {
      it('when a subject asks to join twice, or five times at once, then there is one pending binding', async () => {
        const { merchant } = await seedShop()
        const first = await store.requestMembership(aRequest(merchant, 'clerk-1'))
        expect(first).toMatchObject({ status: 'pending', subject: 'clerk-1' })
        expect(await store.requestMembership(aRequest(merchant, 'clerk-1'))).toEqual(first)
        const racing = await Promise.all(Array.from({ length: 5 }, () => store.requestMembership(aRequest(merchant, 'clerk-2'))))
        expect(new Set(racing.map((m) => m.id)).size).toBe(1)
      })

      it('when an active clerk asks again, then the binding stays active; a revoked one becomes a fresh pending request', async () => {
        const { merchant } = await seedShop()
        const active = await store.requestMembership(aRequest(merchant, 'clerk-a'))
        await store.saveMembership({ ...active, status: 'active' })
        expect(await store.requestMembership(aRequest(merchant, 'clerk-a', '2026-03-11T00:00:00.000Z'))).toEqual({
          ...active,
          status: 'active',
        })

        const revoked = await store.requestMembership(aRequest(merchant, 'clerk-r'))
        await store.saveMembership({ ...revoked, status: 'revoked' })
        const again = await store.requestMembership(aRequest(merchant, 'clerk-r', '2026-03-12T00:00:00.000Z'))
        expect(again).toEqual({ ...revoked, status: 'pending', createdAt: '2026-03-12T00:00:00.000Z' })
        expect(await store.getMembership(revoked.id)).toEqual(again)
        expect(await store.listActiveMembershipsOf('clerk-r')).toEqual([])
      })

      it("when bindings are listed, then a shop's come in every status, oldest first, and a subject's across shops", async () => {
        const { merchant } = await seedShop()
        const other = await seedShop()
        const a = await store.requestMembership(aRequest(merchant, unique('subject'), '2026-03-10T01:00:00.000Z'))
        const b = await store.requestMembership(aRequest(merchant, unique('subject'), '2026-03-10T02:00:00.000Z'))
        await store.saveMembership({ ...a, status: 'revoked' })
        const elsewhere = await store.requestMembership(aRequest(other.merchant, b.subject))
        expect((await store.listMembershipsOfMerchant(merchant.id)).map((m) => [m.id, m.status])).toEqual([
          [a.id, 'revoked'],
          [b.id, 'pending'],
        ])
        expect((await store.listMembershipsOf(b.subject)).map((m) => m.id)).toEqual([b.id, elsewhere.id])
        expect(await store.getMembership(unique('missing'))).toBeNull()
      })
    })

    describe("a shop's record", () => {
      const clock = (c: Case, over: Partial<CaseClock>): CaseClock => ({
        caseId: c.id,
        clockId: 'merchant_response',
        startedAt: '2026-03-10T02:00:00.000Z',
        dueAt: '2026-03-10T02:45:00.000Z',
        remindAt: '2026-03-10T02:22:30.000Z',
        urgeAt: '2026-03-10T02:36:00.000Z',
        explanation: '45分钟',
        provisional: false,
        stage: 'running',
        nextCheckAt: '2026-03-10T02:22:30.000Z',
        stoppedAt: null,
        ...over,
      })
      const file = async (c: Case, clocks: CaseClock[] = []) => {
        await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, clocks)
      }
      const stopped = (at: string) => ({ stage: 'stopped' as const, stoppedAt: at, nextCheckAt: null })

      it('when cases and response clocks are counted, then each number counts only this shop, a running clock late once the tick marked it', async () => {
        const { merchant } = await seedShop()
        const other = await seedShop()
        const onTime = aCase(merchant, { status: 'closed', outcome: 'settled' })
        const late = aCase(merchant, { status: 'closed', outcome: 'mediated' })
        const overdue = aCase(merchant, { status: 'with_merchant' })
        const pending = aCase(merchant, { status: 'with_merchant', createdAt: '2026-03-10T02:30:00.000Z' })
        const noClock = aCase(merchant, { status: 'withdrawn' })
        await file(onTime, [
          clock(onTime, stopped('2026-03-10T02:40:00.000Z')),
          clock(onTime, { clockId: 'completion', ...stopped('2026-03-10T03:00:00.000Z') }),
        ])
        await file(late, [clock(late, stopped('2026-03-10T02:50:00.000Z'))])
        await file(overdue, [clock(overdue, { stage: 'overdue', nextCheckAt: null })])
        await file(pending, [clock(pending, { startedAt: '2026-03-10T02:30:00.000Z', dueAt: '2026-03-10T03:15:00.000Z' })])
        await file(noClock)
        const theirs = aCase(other.merchant, { status: 'closed', outcome: 'settled' })
        await file(theirs, [clock(theirs, stopped('2026-03-10T02:10:00.000Z'))])

        expect(await store.countMerchantCases(merchant.id)).toEqual({
          total: 5,
          open: 2,
          closed: 2,
          settled: 1,
          responseStarted: 4,
          responseOnTime: 1,
          responseLate: 2,
        })
        // the pending clock runs out: late once the tick marks it overdue (a counter does not flip by itself)
        const ranOut = clock(pending, { startedAt: '2026-03-10T02:30:00.000Z', dueAt: '2026-03-10T03:15:00.000Z' })
        expect(await store.advanceClock({ ...ranOut, stage: 'overdue', nextCheckAt: null }, 'running', [])).toBe(true)
        expect((await store.countMerchantCases(merchant.id)).responseLate).toBe(3)
        // the shop answers afterwards: still one late response, not two
        const answered = await store.getCase(pending.id)
        if (!answered) throw new Error('the case is gone')
        await store.applyChange({
          caseId: pending.id,
          expectedVersion: answered.version,
          next: { ...answered, status: 'merchant_answered', updatedAt: '2026-03-10T03:20:00.000Z' },
          event: { ...aSubmittedEvent(pending), id: unique('event'), seq: 2, type: 'answered', at: '2026-03-10T03:20:00.000Z' },
          outbox: [],
          clocks: [{ ...ranOut, stage: 'stopped', stoppedAt: '2026-03-10T03:20:00.000Z', nextCheckAt: null }],
        })
        expect(await store.countMerchantCases(merchant.id)).toMatchObject({
          open: 2,
          responseStarted: 4,
          responseOnTime: 1,
          responseLate: 3,
        })
      })

      it('when a step leaves the response clock alone, then the complaint still counts its started and late response', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant, { status: 'with_merchant' })
        const running = clock(c, {})
        await file(c, [running])
        expect(await store.advanceClock({ ...running, stage: 'overdue', nextCheckAt: null }, 'running', [])).toBe(true)
        await store.applyChange({
          caseId: c.id,
          expectedVersion: c.version,
          next: { ...c, status: 'mediating', updatedAt: '2026-03-10T03:30:00.000Z' },
          event: { ...aSubmittedEvent(c), id: unique('event'), seq: 2, type: 'escalated', at: '2026-03-10T03:30:00.000Z' },
          outbox: [],
          clocks: [],
        })
        expect(await store.countMerchantCases(merchant.id)).toEqual({
          total: 1,
          open: 1,
          closed: 0,
          settled: 0,
          responseStarted: 1,
          responseOnTime: 0,
          responseLate: 1,
        })
      })

      it('when a shop has no cases, then every count is zero', async () => {
        const { merchant } = await seedShop()
        expect(await store.countMerchantCases(merchant.id)).toEqual({
          total: 0,
          open: 0,
          closed: 0,
          settled: 0,
          responseStarted: 0,
          responseOnTime: 0,
          responseLate: 0,
        })
      })
    })
  })
}
