import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { initialWorkflowState } from '../../src/domain/workflow/state-machine'
import { aCase, aMerchant, anEvidence, anOutboxMessage, aSite, aSubmittedEvent, unique } from '../support/builders'

/**
 * The store contract: one suite, run against every adapter (PGlite in `npm test`, a PostgreSQL
 * server in CI, the CloudBase document database when its adapter lands).
 */
const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

export function storeContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const seedShop = async () => {
      const site = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      return { site, merchant }
    }

    describe('directory', () => {
      it('when a merchant is saved, then it is found by its code and id, and saving again updates it', async () => {
        const { site, merchant } = await seedShop()
        expect(await store.findMerchantByCode(merchant.code)).toEqual(merchant)
        await store.saveMerchant({ ...merchant, name: '改名后的商户' })
        expect((await store.getMerchant(merchant.id))?.name).toBe('改名后的商户')
        expect(await store.getSite(site.id)).toEqual(site)
      })

      it('when a code or id is unknown, then null comes back', async () => {
        expect(await store.findMerchantByCode('NOSUCH1')).toBeNull()
        expect(await store.getMerchant(unique('missing'))).toBeNull()
        expect(await store.getSite(unique('missing'))).toBeNull()
      })

      it('when a site saves its own clock numbers, then they read back and saving again replaces them', async () => {
        const { site } = await seedShop()
        const custom = { ...site, clockSettings: { amounts: { merchant_response: 30 }, completion: { goods: 3 }, completionExtension: 10 } }
        await store.saveSite(custom)
        expect(await store.getSite(site.id)).toEqual(custom)
        const plain = { ...site, hotline: '12315' }
        await store.saveSite(plain)
        expect(await store.getSite(site.id)).toEqual(plain)
      })

      it('when a site has shops, then listing it returns only its own shops', async () => {
        const { site, merchant } = await seedShop()
        const other = await seedShop()
        const second = aMerchant(site, { name: '阿里小铺' })
        await store.saveMerchant(second)
        const listed = await store.listMerchantsOfSite(site.id)
        expect(listed.map((m) => m.id).sort()).toEqual([merchant.id, second.id].sort())
        expect(listed.some((m) => m.id === other.merchant.id)).toBe(false)
      })
    })

    describe('counters', () => {
      it('when a counter is drawn, then it starts at 1 and counts up independently of other counters', async () => {
        const a = unique('counter')
        const b = unique('counter')
        expect(await store.nextSequence(a)).toBe(1)
        expect(await store.nextSequence(a)).toBe(2)
        expect(await store.nextSequence(b)).toBe(1)
      })

      it('when 20 draws race, then each gets a different number from 1 to 20', async () => {
        const name = unique('counter')
        const values = await Promise.all(Array.from({ length: 20 }, () => store.nextSequence(name)))
        expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      })
    })

    describe('cases', () => {
      it('when a case is created, then the case, its first event and its notification are all stored', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        const e = aSubmittedEvent(c)
        const m = anOutboxMessage(c, e)
        const outcome = await store.createCase(c, e, [m], { ids: [], uploadedBy: c.filedBy })
        expect(outcome).toEqual({ created: true, case: c })
        expect(await store.getCase(c.id)).toEqual(c)
        expect(await store.listEvents(c.id)).toEqual([e])
        expect((await store.listPendingOutbox(1000)).find((x) => x.id === m.id)).toEqual(m)
      })

      it('when the same filer reuses an idempotency key, then the first case comes back and nothing new is written', async () => {
        const { merchant } = await seedShop()
        const first = aCase(merchant)
        await store.createCase(first, aSubmittedEvent(first), [], noEvidence(first))
        const retry = aCase(merchant, { filedBy: first.filedBy, idempotencyKey: first.idempotencyKey })
        const outcome = await store.createCase(retry, aSubmittedEvent(retry), [], noEvidence(retry))
        expect(outcome).toEqual({ created: false, case: first })
        expect(await store.getCase(retry.id)).toBeNull()
        expect(await store.findCaseByIdempotencyKey(first.filedBy, first.idempotencyKey)).toEqual(first)
      })

      it('when another filer uses the same key, then it is a different case', async () => {
        const { merchant } = await seedShop()
        const first = aCase(merchant)
        const other = aCase(merchant, { idempotencyKey: first.idempotencyKey })
        await store.createCase(first, aSubmittedEvent(first), [], noEvidence(first))
        expect((await store.createCase(other, aSubmittedEvent(other), [], noEvidence(other))).created).toBe(true)
      })

      it('when 10 creations with one key race, then exactly one case is created and all return it', async () => {
        const { merchant } = await seedShop()
        const template = aCase(merchant)
        const attempts = Array.from({ length: 10 }, () =>
          aCase(merchant, { filedBy: template.filedBy, idempotencyKey: template.idempotencyKey }),
        )
        const outcomes = await Promise.all(attempts.map((c) => store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))))
        expect(outcomes.filter((o) => o.created)).toHaveLength(1)
        expect(new Set(outcomes.map((o) => o.case.id)).size).toBe(1)
      })

      it('when cases are listed, then each list holds only its filer / merchant / site, newest first', async () => {
        const { site, merchant } = await seedShop()
        const other = await seedShop()
        const filer = unique('subject')
        const older = aCase(merchant, { filedBy: filer, createdAt: '2026-03-01T01:00:00.000Z' })
        const newer = aCase(merchant, { filedBy: filer, createdAt: '2026-03-02T01:00:00.000Z' })
        const elsewhere = aCase(other.merchant, { createdAt: '2026-03-03T01:00:00.000Z' })
        for (const c of [older, newer, elsewhere]) await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
        const page = { limit: 50, offset: 0 }
        expect((await store.listCasesFiledBy(filer, page)).map((c) => c.id)).toEqual([newer.id, older.id])
        expect((await store.listCasesForMerchant(merchant.id, page)).map((c) => c.id)).toEqual([newer.id, older.id])
        expect((await store.listCasesForSite(site.id, page)).map((c) => c.id)).toEqual([newer.id, older.id])
        const all = (await store.listAllCases({ limit: 1000, offset: 0 })).map((c) => c.id)
        expect(all).toEqual(expect.arrayContaining([older.id, newer.id, elsewhere.id]))
        expect((await store.listCasesFiledBy(filer, { limit: 1, offset: 1 })).map((c) => c.id)).toEqual([older.id])
      })

      describe('numbered by the store', () => {
        const numberedBy = (counter: string) => (c: Case) => {
          const { caseNo: _given, ...rest } = c
          return { ...rest, numbering: { counter, format: (n: number) => `${counter}-${String(n).padStart(4, '0')}` } }
        }

        it('when a filing is repeated or fails, then it uses up no number', async () => {
          const { merchant } = await seedShop()
          const counter = unique('day')
          const numbered = numberedBy(counter)
          const first = aCase(merchant)
          const filed = await store.createCase(numbered(first), aSubmittedEvent(first), [], noEvidence(first))
          const retry = aCase(merchant, { filedBy: first.filedBy, idempotencyKey: first.idempotencyKey })
          const repeated = await store.createCase(numbered(retry), aSubmittedEvent(retry), [], noEvidence(retry))
          const failing = aCase(merchant)
          const missing = { ids: [unique('no-such-file')], uploadedBy: failing.filedBy }
          await expect(store.createCase(numbered(failing), aSubmittedEvent(failing), [], missing)).rejects.toMatchObject({
            error: { code: 'EVIDENCE_NOT_FOUND' },
          })
          const second = aCase(merchant)
          const next = await store.createCase(numbered(second), aSubmittedEvent(second), [], noEvidence(second))
          expect(repeated).toEqual({ created: false, case: filed.case })
          expect([filed.case.caseNo, next.case.caseNo]).toEqual([`${counter}-0001`, `${counter}-0002`])
          expect((await store.findCaseByNo(`${counter}-0002`))?.id).toBe(second.id)
        })

        it('when 10 filings of one day race, then they get the numbers 1 to 10', async () => {
          const { merchant } = await seedShop()
          const counter = unique('day')
          const filings = Array.from({ length: 10 }, () => aCase(merchant))
          const outcomes = await Promise.all(
            filings.map((c) => store.createCase(numberedBy(counter)(c), aSubmittedEvent(c), [], noEvidence(c))),
          )
          expect(outcomes.every((o) => o.created)).toBe(true)
          expect(outcomes.map((o) => o.case.caseNo).sort()).toEqual(
            Array.from({ length: 10 }, (_, i) => `${counter}-${String(i + 1).padStart(4, '0')}`),
          )
        })
      })

      it("when a shop is reported, then the report is on the site's list and never on the shop's", async () => {
        const { site, merchant } = await seedShop()
        const complaint = aCase(merchant)
        const report = aCase(merchant, { kind: 'report', complainant: null, demands: [] })
        for (const c of [complaint, report]) await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
        const page = { limit: 50, offset: 0 }
        expect((await store.listCasesForMerchant(merchant.id, page)).map((c) => c.id)).toEqual([complaint.id])
        expect((await store.listCasesForSite(site.id, page)).map((c) => c.id).sort()).toEqual([complaint.id, report.id].sort())
      })
    })

    describe('case changes', () => {
      it('when a change is applied at the current version, then state, event and notifications land together and the version moves on', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        const first = aSubmittedEvent(c)
        await store.createCase(c, first, [], noEvidence(c))
        const event = aSubmittedEvent(c, { seq: 2, type: 'accepted', actor: { role: 'station', id: 'st' }, prevHash: first.hash })
        const note = anOutboxMessage(c, event)
        const next = {
          ...initialWorkflowState('goods'),
          status: 'accepted' as const,
          completionKind: 'complex' as const,
          updatedAt: '2026-03-10T03:00:00.000Z',
        }
        const updated = await store.applyChange({ caseId: c.id, expectedVersion: 1, next, event, outbox: [note], clocks: [] })
        expect(updated).toEqual({ ...c, ...next, version: 2 })
        expect(await store.listEvents(c.id)).toEqual([first, event])
        expect((await store.listPendingOutbox(1000)).some((m) => m.id === note.id)).toBe(true)
      })

      it('when a step attaches files and details, then they read back with the event and the files belong to the case', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        const first = aSubmittedEvent(c)
        await store.createCase(c, first, [], noEvidence(c))
        const clerk = unique('clerk')
        const photo = anEvidence(clerk)
        await store.saveEvidence(photo)
        const details = { kind: 'offer' as const, remedy: 'refund' as const, amountFen: 12800, note: '全额退款' }
        const event = aSubmittedEvent(c, {
          seq: 2,
          type: 'answered',
          actor: { role: 'merchant', id: clerk },
          prevHash: first.hash,
          attachments: [photo.id],
          details,
        })
        const next = {
          ...initialWorkflowState('goods'),
          status: 'merchant_answered' as const,
          answerKind: 'offer' as const,
          updatedAt: '2026-03-10T03:00:00.000Z',
        }
        await store.applyChange({
          caseId: c.id,
          expectedVersion: 1,
          next,
          event,
          outbox: [],
          clocks: [],
          claim: { ids: [photo.id], uploadedBy: clerk },
        })
        expect((await store.listEvents(c.id))[1]).toEqual(event)
        expect((await store.getEvidence(photo.id))?.caseId).toBe(c.id)
        expect((await store.getCase(c.id))?.answerKind).toBe('offer')
      })

      it('when a step claims a file someone else uploaded, then nothing of the step is written', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        const first = aSubmittedEvent(c)
        await store.createCase(c, first, [], noEvidence(c))
        const theirs = anEvidence(unique('other-clerk'))
        await store.saveEvidence(theirs)
        const event = aSubmittedEvent(c, { seq: 2, type: 'answered', prevHash: first.hash, attachments: [theirs.id] })
        const next = { ...initialWorkflowState('goods'), status: 'merchant_answered' as const, updatedAt: '2026-03-10T03:00:00.000Z' }
        await expect(
          store.applyChange({
            caseId: c.id,
            expectedVersion: 1,
            next,
            event,
            outbox: [],
            clocks: [],
            claim: { ids: [theirs.id], uploadedBy: unique('clerk') },
          }),
        ).rejects.toMatchObject({ error: { code: 'EVIDENCE_NOT_FOUND' } })
        expect(await store.getCase(c.id)).toEqual(c)
        expect(await store.listEvents(c.id)).toHaveLength(1)
        expect((await store.getEvidence(theirs.id))?.caseId).toBeNull()
      })

      it('when the clocks of several cases are asked for at once, then each case gets exactly its own', async () => {
        const { merchant } = await seedShop()
        const [a, b, none] = [aCase(merchant), aCase(merchant), aCase(merchant)]
        const clock = (c: Case, clockId: CaseClock['clockId']): CaseClock => ({
          caseId: c.id,
          clockId,
          startedAt: c.createdAt,
          dueAt: '2026-03-11T02:00:00.000Z',
          remindAt: '2026-03-10T14:00:00.000Z',
          urgeAt: '2026-03-10T21:00:00.000Z',
          explanation: '测试',
          provisional: false,
          stage: 'running',
          nextCheckAt: '2026-03-10T14:00:00.000Z',
          stoppedAt: null,
        })
        await store.createCase(a, aSubmittedEvent(a), [], noEvidence(a), [clock(a, 'first_answer'), clock(a, 'accept_decision')])
        await store.createCase(b, aSubmittedEvent(b), [], noEvidence(b), [clock(b, 'first_answer')])
        await store.createCase(none, aSubmittedEvent(none), [], noEvidence(none))
        const found = await store.listClocksOfCases([a.id, b.id, none.id])
        expect(
          found
            .filter((k) => k.caseId === a.id)
            .map((k) => k.clockId)
            .sort(),
        ).toEqual(['accept_decision', 'first_answer'])
        expect(found.filter((k) => k.caseId === b.id)).toEqual([clock(b, 'first_answer')])
        expect(found.some((k) => k.caseId === none.id)).toBe(false)
        expect(await store.listClocksOfCases([])).toEqual([])
      })

      it('when a change was decided on an old version, then CONCURRENT_UPDATE and nothing is written', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
        const event = aSubmittedEvent(c, { seq: 2, type: 'withdrawn' })
        const next = { ...initialWorkflowState('goods'), status: 'withdrawn' as const, updatedAt: '2026-03-10T03:00:00.000Z' }
        await expect(store.applyChange({ caseId: c.id, expectedVersion: 7, next, event, outbox: [], clocks: [] })).rejects.toMatchObject({
          error: { code: 'CONCURRENT_UPDATE' },
        })
        expect(await store.getCase(c.id)).toEqual(c)
        expect(await store.listEvents(c.id)).toHaveLength(1)
      })
    })

    describe('complaint details and evidence', () => {
      it('when a case with personal data is stored, then it reads back whole and is found by its number', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant, { complainant: { name: '欧阳娜娜', phone: '13900001111', address: '某路8号' }, queryCode: 'ZX23MN45' })
        await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
        expect(await store.findCaseByNo(c.caseNo)).toEqual(c)
        expect(await store.findCaseByNo('KS-00000000-0000')).toBeNull()
      })

      it('when an anonymous report is stored, then it has no complainant', async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant, { kind: 'report', complainant: null, demands: [] })
        await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
        expect((await store.getCase(c.id))?.complainant).toBeNull()
      })

      it("when a case claims the filer's uploads, then they belong to it, oldest first", async () => {
        const { merchant } = await seedShop()
        const c = aCase(merchant)
        const photo = anEvidence(c.filedBy, { createdAt: '2026-03-10T01:00:00.000Z' })
        const receipt = anEvidence(c.filedBy, { kind: 'receipt', mime: 'application/pdf', createdAt: '2026-03-10T01:30:00.000Z' })
        await store.saveEvidence(photo)
        await store.saveEvidence(receipt)
        expect(await store.getEvidence(photo.id)).toEqual(photo)
        await store.createCase(c, aSubmittedEvent(c), [], { ids: [receipt.id, photo.id], uploadedBy: c.filedBy })
        expect(await store.listEvidenceOfCase(c.id)).toEqual([
          { ...photo, caseId: c.id },
          { ...receipt, caseId: c.id },
        ])
      })

      it("when a case tries to claim someone else's or an already claimed file, then nothing at all is written", async () => {
        const { merchant } = await seedShop()
        const theirs = anEvidence(unique('someone-else'))
        await store.saveEvidence(theirs)
        const c = aCase(merchant)
        await expect(store.createCase(c, aSubmittedEvent(c), [], { ids: [theirs.id], uploadedBy: c.filedBy })).rejects.toMatchObject({
          error: { code: 'EVIDENCE_NOT_FOUND' },
        })
        expect(await store.getCase(c.id)).toBeNull()
        expect(await store.listEvents(c.id)).toEqual([])
        expect((await store.getEvidence(theirs.id))?.caseId).toBeNull()
      })

      it('when two filings race for the same file, then one claims it and the other writes nothing', async () => {
        const { merchant } = await seedShop()
        const filer = unique('subject')
        const photo = anEvidence(filer)
        await store.saveEvidence(photo)
        const rivals = [aCase(merchant, { filedBy: filer }), aCase(merchant, { filedBy: filer })]
        const outcomes = await Promise.allSettled(
          rivals.map((c) => store.createCase(c, aSubmittedEvent(c), [], { ids: [photo.id], uploadedBy: filer })),
        )
        const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.case.id] : []))
        expect(won).toHaveLength(1)
        expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { error: { code: 'EVIDENCE_NOT_FOUND' } } })
        expect((await store.getEvidence(photo.id))?.caseId).toBe(won[0])
        const lost = rivals.find((c) => c.id !== won[0])
        expect(lost && (await store.getCase(lost.id))).toBeNull()
      })

      it('when shops are searched by name, then matches come back by name, and %, _ or . match only themselves', async () => {
        const site = aSite()
        await store.saveSite(site)
        const tag = unique('铺').replace(/\W/g, '')
        const a = aMerchant(site, { name: `A${tag}数码` })
        const b = aMerchant(site, { name: `B${tag}数码` })
        const odd = aMerchant(site, { name: `100%${tag}` })
        for (const m of [b, a, odd]) await store.saveMerchant(m)
        expect((await store.searchMerchants(`${tag}数码`, 10)).map((m) => m.id)).toEqual([a.id, b.id])
        expect((await store.searchMerchants('%', 50)).map((m) => m.id)).toEqual([odd.id])
        expect(await store.searchMerchants(`.${tag}`, 50)).toEqual([]) // a document store matches by regular expression: '.' must be literal
        expect(await store.searchMerchants(`${tag}数码`, 1)).toHaveLength(1)
      })
    })

    describe('access log', () => {
      it('when views of a case are recorded, then they come back in order and only for that case', async () => {
        const caseId = unique('case')
        const first = {
          id: unique('acc'),
          caseId,
          viewer: { role: 'station', id: 'st-1' },
          purpose: 'station.getCase',
          at: '2026-03-10T02:00:00.000Z',
        }
        const second = {
          ...first,
          id: unique('acc'),
          viewer: { role: 'merchant', id: 'clerk' },
          purpose: 'merchant.getCase',
          at: '2026-03-10T03:00:00.000Z',
        }
        await store.recordAccess(second)
        await store.recordAccess(first)
        await store.recordAccess({ ...first, id: unique('acc'), caseId: unique('other') })
        expect(await store.listAccessOfCase(caseId)).toEqual([first, second])
      })
    })

    describe('identities', () => {
      it('when a staff account is saved, then it is found by username and id', async () => {
        const account = {
          id: unique('staff'),
          username: unique('user'),
          displayName: '测试站员',
          role: 'station' as const,
          siteId: null,
          passwordHash: 'scrypt$1$1$1$a$b',
          createdAt: '2026-03-10T02:00:00.000Z',
        }
        await store.saveStaff(account)
        expect(await store.findStaffByUsername(account.username)).toEqual(account)
        expect(await store.getStaff(account.id)).toEqual(account)
        expect(await store.findStaffByUsername(unique('nobody'))).toBeNull()
      })

      it('when a session expires or is deleted, then it is no longer live', async () => {
        const staffId = unique('staff')
        await store.saveStaff({
          id: staffId,
          username: unique('user'),
          displayName: '测试',
          role: 'proxy',
          siteId: null,
          passwordHash: 'x',
          createdAt: '2026-03-10T02:00:00.000Z',
        })
        const session = {
          tokenHash: unique('hash'),
          staffId,
          createdAt: '2026-03-10T02:00:00.000Z',
          expiresAt: '2026-03-10T14:00:00.000Z',
        }
        await store.createStaffSession(session)
        expect(await store.findLiveStaffSession(session.tokenHash, '2026-03-10T13:59:59.000Z')).toEqual(session)
        expect(await store.findLiveStaffSession(session.tokenHash, '2026-03-10T14:00:00.000Z')).toBeNull()
        await store.deleteStaffSession(session.tokenHash)
        expect(await store.findLiveStaffSession(session.tokenHash, '2026-03-10T03:00:00.000Z')).toBeNull()
      })

      it('when memberships exist, then only the active ones of that subject are listed', async () => {
        const { merchant } = await seedShop()
        const subject = unique('subject')
        const base = { merchantId: merchant.id, siteId: merchant.siteId, createdAt: '2026-03-10T02:00:00.000Z' }
        const active = { ...base, id: unique('member'), subject, status: 'active' as const }
        await store.saveMembership(active)
        await store.saveMembership({ ...base, id: unique('member'), subject: unique('subject'), status: 'active' })
        expect(await store.listActiveMembershipsOf(subject)).toEqual([active])
        await store.saveMembership({ ...active, status: 'revoked' })
        expect(await store.listActiveMembershipsOf(subject)).toEqual([])
      })

      it('when a device is recorded twice, then the second time is harmless', async () => {
        const subject = unique('device')
        await store.recordDevice(subject, '2026-03-10T02:00:00.000Z')
        await expect(store.recordDevice(subject, '2026-03-11T02:00:00.000Z')).resolves.toBeUndefined()
      })
    })
  })
}
