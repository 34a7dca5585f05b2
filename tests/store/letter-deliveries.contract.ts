import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { LetterDelivery } from '../../src/domain/letters/letter-delivery.schema'
import type { PendingLetter } from '../../src/domain/letters/pending-letter.schema'
import { unique } from '../support/builders'

// Deliveries of 消费投诉分析建议书 (SQL migration 0024, CloudBase letter_deliveries): stored whole, read back
// per shop, newest first, never another shop's. 待送达建议书 (migration 0029, CloudBase pending_letters): one entry
// per (site, quarter, shop) whoever writes it first, listed per site while owed, cleared by a delivery of its quarter.
export function letterDeliveriesContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, letter deliveries — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const aDelivery = (merchantId: string, deliveredAt: string, over: Partial<LetterDelivery> = {}): LetterDelivery => ({
      id: unique('letter'),
      merchantId,
      siteId: 'site-1',
      quarter: '2026-Q1',
      method: '打印面交',
      deliveredBy: 'staff-1',
      deliveredAt,
      ...over,
    })

    it("when deliveries are recorded, then the shop's read gives them back whole, newest first, and no other shop's", async () => {
      const shop = unique('shop')
      const first = aDelivery(shop, '2026-04-01T02:00:00.000Z')
      const second = aDelivery(shop, '2026-04-03T08:30:00.000Z', { method: '微信', quarter: '2026-Q2', deliveredBy: 'staff-2' })
      const other = aDelivery(unique('shop'), '2026-04-02T00:00:00.000Z')
      for (const d of [first, other, second]) await store.recordLetterDelivery(d)
      expect(await store.listLetterDeliveries(shop)).toEqual([second, first])
      expect(await store.listLetterDeliveries(unique('shop'))).toEqual([])
    })

    const anEntry = (siteId: string, merchantId: string, over: Partial<PendingLetter> = {}): PendingLetter => ({
      siteId,
      quarter: '2026-Q1',
      merchantId,
      merchantName: '街角面馆',
      complaints: 2,
      preparedAt: '2026-04-01T00:05:00.000Z',
      deliveryId: null,
      ...over,
    })

    it('when the same entries are added twice, then each is stored once and the second add counts none', async () => {
      const site = unique('site')
      const a = anEntry(site, unique('shop'), { merchantName: 'B 鞋店' })
      const b = anEntry(site, unique('shop'), { merchantName: 'A 面馆', complaints: 5 })
      const older = anEntry(site, unique('shop'), { quarter: '2025-Q4', merchantName: 'C 茶行' })
      expect(await store.addPendingLetters([a, b, older])).toBe(3)
      expect(await store.addPendingLetters([a, { ...b, complaints: 9 }])).toBe(0)
      expect(await store.addPendingLetters([])).toBe(0)
      expect(await store.listPendingLetters(site)).toEqual([older, b, a]) // oldest quarter first, then by name
      expect(await store.listPendingLetters(unique('site'))).toEqual([])
    })

    it("when a delivery of the entry's quarter is recorded, then the entry is no longer owed, and adding it again does not bring it back", async () => {
      const site = unique('site')
      const shop = unique('shop')
      const entry = anEntry(site, shop)
      const nextQuarter = anEntry(site, shop, { quarter: '2026-Q2' })
      await store.addPendingLetters([entry, nextQuarter])
      await store.recordLetterDelivery(aDelivery(shop, '2026-04-03T08:30:00.000Z', { siteId: site, quarter: '2026-Q1' }))
      expect(await store.listPendingLetters(site)).toEqual([nextQuarter])
      expect(await store.addPendingLetters([entry])).toBe(0)
      expect(await store.listPendingLetters(site)).toEqual([nextQuarter])
    })

    it("when the shop's letter of a quarter was delivered before the quarterly run, then the run's entry for it is not added", async () => {
      // the station handed over the 2026-Q4 letter on 28 December; the run on 1 January prepares 2026-Q4
      const site = unique('site')
      const early = unique('shop')
      const other = unique('shop')
      await store.recordLetterDelivery(aDelivery(early, '2026-12-28T03:00:00.000Z', { siteId: site, quarter: '2026-Q4' }))
      const owedOther = anEntry(site, other, { quarter: '2026-Q4' })
      expect(await store.addPendingLetters([anEntry(site, early, { quarter: '2026-Q4' }), owedOther])).toBe(1)
      expect(await store.listPendingLetters(site)).toEqual([owedOther])
      // a delivery of another quarter does not count
      const nextYear = anEntry(site, early, { quarter: '2027-Q1' })
      expect(await store.addPendingLetters([nextYear])).toBe(1)
    })
  })
}
