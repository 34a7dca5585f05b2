import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case } from '../../src/domain/case.schema'
import type { CallbackSample, RatingReview } from '../../src/domain/callback/callback.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'

// 回访抽查 samples and the review list of low ratings (SQL migration 0021, CloudBase callback_samples and
// rating_reviews): every store finds last month's closed complaints the same way, draws a site's month
// once, guards concurrent recording by version, and keeps one review entry per rating.
const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

export function callbacksContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, call-back samples and rating reviews — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const aSiteWithShop = async () => {
      const site = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      return merchant
    }
    /** a case filed, then closed by `closer` at `closedAt` (and reopened when asked) */
    const closed = async (merchant: ReturnType<typeof aMerchant>, closedAt: string, over: Partial<Case> = {}, reopen = false) => {
      const c = aCase(merchant, { createdAt: '2026-10-20T02:00:00.000Z', updatedAt: '2026-10-20T02:00:00.000Z', ...over })
      const first = aSubmittedEvent(c)
      await store.createCase(c, first, [], noEvidence(c))
      const closeEvent = {
        ...first,
        id: unique('event'),
        seq: 2,
        type: 'closed' as const,
        actor: { role: 'station' as const, id: 'st-closer' },
        at: closedAt,
      }
      await store.applyChange({
        caseId: c.id,
        expectedVersion: c.version,
        next: { ...c, status: 'closed', outcome: 'settled', updatedAt: closedAt },
        event: closeEvent,
        outbox: [],
        clocks: [],
      })
      if (reopen) {
        const at = '2026-12-02T02:00:00.000Z'
        await store.applyChange({
          caseId: c.id,
          expectedVersion: c.version + 1,
          next: { ...c, status: 'accepted', reopenCount: 1, updatedAt: at },
          event: { ...closeEvent, id: unique('event'), seq: 3, type: 'reopened', at },
          outbox: [],
          clocks: [],
        })
      }
      return c
    }
    const clock = (caseId: string): CaseClock => ({
      caseId,
      clockId: 'callback_sample',
      startedAt: '2026-11-30T16:05:00.000Z',
      dueAt: '2026-12-10T16:00:00.000Z',
      remindAt: '2026-12-05T16:02:30.000Z',
      urgeAt: '2026-12-08T23:13:00.000Z',
      explanation: '每月10日前完成上月抽查回访',
      provisional: false,
      stage: 'running',
      nextCheckAt: '2026-12-05T16:02:30.000Z',
      stoppedAt: null,
    })
    const sample = (siteId: string, c: Case): CallbackSample => ({
      siteId,
      month: '2026-11',
      seed: 'a1b2c3',
      population: [c.id, 'z-other-case'],
      drawnAt: '2026-11-30T16:05:00.000Z',
      dueDate: '2026-12-10',
      dueAt: '2026-12-10T16:00:00.000Z',
      dueExplanation: '每月10日前完成上月抽查回访',
      items: [
        {
          caseId: c.id,
          caseNo: c.caseNo,
          closerId: 'st-closer',
          closedAt: '2026-11-12T03:00:00.000Z',
          assigneeId: 'st-other',
          status: 'pending',
          attempts: [],
          answers: null,
          doneBy: null,
          doneAt: null,
          eventId: null,
        },
      ],
      version: 0,
    })

    it("when last month's closures are listed, then only the site's complaints still closed, closed within the Beijing month, come back with their closer", async () => {
      const merchant = await aSiteWithShop()
      const inside = await closed(merchant, '2026-10-31T16:00:00.000Z') // 1 November 00:00 Beijing
      await closed(merchant, '2026-11-30T16:00:00.000Z') // 1 December 00:00 Beijing: next month
      await closed(merchant, '2026-11-15T03:00:00.000Z', { kind: 'report' })
      await closed(merchant, '2026-11-15T03:00:00.000Z', {}, true) // reopened since
      await closed(aMerchant(aSite()), '2026-11-15T03:00:00.000Z') // another site (its shop is not even saved)
      expect(await store.listClosedComplaints(merchant.siteId, '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z')).toEqual([
        { caseId: inside.id, caseNo: inside.caseNo, closedAt: '2026-10-31T16:00:00.000Z', closerId: 'st-closer' },
      ])
    })

    it("when a site's month is drawn twice, then the first sample and its clocks stand and the second writes nothing", async () => {
      const merchant = await aSiteWithShop()
      const c = await closed(merchant, '2026-11-12T03:00:00.000Z')
      const s = sample(merchant.siteId, c)
      expect(await store.getCallbackSample(merchant.siteId, '2026-11')).toBeNull()
      expect(await store.createCallbackSample(s, [clock(c.id)])).toBe(true)
      expect(await store.createCallbackSample({ ...s, seed: 'other', items: [] }, [])).toBe(false)
      expect(await store.getCallbackSample(merchant.siteId, '2026-11')).toEqual(s)
      expect((await store.listCallbackSamples('2026-11')).filter((x) => x.siteId === merchant.siteId)).toEqual([s])
      expect((await store.listClocksOfCase(c.id)).find((k) => k.clockId === 'callback_sample')).toEqual(clock(c.id))
    })

    it('when two people record on the same version, then the first write wins, the version moves on and the clock stops with it', async () => {
      const merchant = await aSiteWithShop()
      const c = await closed(merchant, '2026-11-12T03:00:00.000Z')
      const s = sample(merchant.siteId, c)
      await store.createCallbackSample(s, [clock(c.id)])
      const attempt = { at: '2026-12-02T02:00:00.000Z', by: 'st-other', note: '未接通' }
      const done = {
        ...s,
        items: [{ ...s.items[0], attempts: [attempt], status: 'unreachable' as const, doneBy: 'st-other', doneAt: attempt.at }],
      }
      const stopped: CaseClock = { ...clock(c.id), stage: 'stopped', stoppedAt: attempt.at, nextCheckAt: null }
      expect(await store.updateCallbackSample(done, 0, [stopped])).toBe(true)
      expect(await store.updateCallbackSample({ ...s, items: [] }, 0, [])).toBe(false)
      expect(await store.getCallbackSample(merchant.siteId, '2026-11')).toEqual({ ...done, version: 1 })
      expect((await store.listClocksOfCase(c.id)).find((k) => k.clockId === 'callback_sample')).toEqual(stopped)
    })

    it('when low ratings are listed and reviewed, then each rating is one entry, open ones first, and a review is recorded once with who and when', async () => {
      const merchant = await aSiteWithShop()
      const c = await closed(merchant, '2026-11-12T03:00:00.000Z')
      const review = (eventId: string, ratedAt: string): RatingReview => ({
        eventId,
        caseId: c.id,
        caseNo: c.caseNo,
        siteId: merchant.siteId,
        ratedAt,
        speed: 3,
        professionalism: 4,
        attitude: 3,
        satisfied: false,
        percent: 67,
        status: 'open',
        findings: null,
        changes: null,
        reviewedBy: null,
        reviewedAt: null,
      })
      const older = review(unique('event'), '2026-11-13T03:00:00.000Z')
      const newer = review(unique('event'), '2026-11-14T03:00:00.000Z')
      await store.addRatingReview(older)
      await store.addRatingReview(newer)
      await store.addRatingReview({ ...older, percent: 1 })
      expect(await store.listRatingReviews(merchant.siteId)).toEqual([newer, older])
      const outcome = {
        findings: '调解员未及时回电',
        changes: '调解后24小时内回电',
        reviewedBy: 'st-head',
        reviewedAt: '2026-11-20T03:00:00.000Z',
      }
      const closedReview = { ...newer, ...outcome, status: 'reviewed' as const }
      expect(await store.closeRatingReview(newer.eventId, outcome)).toEqual(closedReview)
      expect(await store.closeRatingReview(newer.eventId, { ...outcome, findings: '改写' })).toBeNull()
      expect(await store.listRatingReviews(merchant.siteId)).toEqual([older, closedReview])
      expect(await store.getRatingReview(newer.eventId)).toEqual(closedReview)
      expect(await store.getRatingReview('no-such-event')).toBeNull()
    })
  })
}
