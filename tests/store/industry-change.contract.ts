import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case } from '../../src/domain/case.schema'
import { aCase, aSubmittedEvent } from '../support/builders'
import { fileOnNewShop, noEvidence } from './filed-case-fixture'

// Staff correct a case's industry line (所属行业) with a change of its own (services/case-industry.ts):
// every store writes the new line with the event, and an ordinary step never touches it.

export function industryChangeContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, industry line — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const filed = () => fileOnNewShop(store, { industry: '商超' })
    /** the case's workflow as it is: a correction of the line moves nothing else */
    const unchanged = (c: Case, updatedAt: string) => ({
      status: c.status,
      reopenCount: c.reopenCount,
      outcome: c.outcome,
      completionKind: c.completionKind,
      onSitePending: c.onSitePending,
      extended: c.extended,
      answerKind: c.answerKind,
      rated: c.rated,
      satisfaction: c.satisfaction,
      updatedAt,
    })

    it('when a change carries a new industry line, then the case reads back with it, the event with its from and to, and nothing else moved', async () => {
      const { c, first } = await filed()
      const stored = await store.getCase(c.id) // as the store reads it back (fields it fills in included)
      const at = '2026-03-10T03:00:00.000Z'
      const event = aSubmittedEvent(c, {
        seq: 2,
        type: 'industry_changed',
        actor: { role: 'station', id: 'staff-1' },
        at,
        note: '投诉内容是价格欺诈',
        details: { kind: 'industry', from: '商超', to: '价格' },
        prevHash: first.hash,
      })
      const updated = await store.applyChange({
        caseId: c.id,
        expectedVersion: 1,
        next: unchanged(c, at),
        event,
        outbox: [],
        clocks: [],
        industry: '价格',
      })
      expect(updated).toEqual({ ...stored, industry: '价格', updatedAt: at, version: 2 })
      expect(await store.getCase(c.id)).toEqual(updated)
      expect(await store.listEvents(c.id)).toEqual([first, event])
    })

    it('when the board is filtered by industry line, then a corrected case is found under its new line only', async () => {
      const { c, first } = await filed()
      const other = aCase((await store.getMerchant(c.merchantId))!, { industry: '食品' })
      await store.createCase(other, aSubmittedEvent(other), [], noEvidence(other))
      const board = (industry: Case['industry']) =>
        store.listBoard({ siteId: c.siteId, openOnly: false, industry, now: '2026-03-10T05:00:00.000Z', after: null, limit: 50 })
      const ids = async (industry: Case['industry']) => (await board(industry)).items.map((i) => i.id)
      expect(await ids('商超')).toEqual([c.id])
      const at = '2026-03-10T03:00:00.000Z'
      const event = aSubmittedEvent(c, {
        seq: 2,
        type: 'industry_changed',
        actor: { role: 'regulator', id: 'reg-1' },
        at,
        details: { kind: 'industry', from: '商超', to: '食品' },
        prevHash: first.hash,
      })
      await store.applyChange({ caseId: c.id, expectedVersion: 1, next: unchanged(c, at), event, outbox: [], clocks: [], industry: '食品' })
      expect(await ids('商超')).toEqual([])
      expect((await ids('食品')).sort()).toEqual([c.id, other.id].sort())
    })

    it('when a change carries no industry line, then the line stays as it was', async () => {
      const { c, first } = await filed()
      const at = '2026-03-10T04:00:00.000Z'
      const event = aSubmittedEvent(c, { seq: 2, type: 'accepted', actor: { role: 'station', id: 'staff-1' }, at, prevHash: first.hash })
      await store.applyChange({
        caseId: c.id,
        expectedVersion: 1,
        next: { ...unchanged(c, at), status: 'accepted' },
        event,
        outbox: [],
        clocks: [],
      })
      expect((await store.getCase(c.id))?.industry).toBe('商超')
    })
  })
}
