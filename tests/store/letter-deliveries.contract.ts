import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { LetterDelivery } from '../../src/domain/letters/letter-delivery.schema'
import { unique } from '../support/builders'

// Deliveries of 消费投诉分析建议书 (SQL migration 0024, CloudBase letter_deliveries): stored whole, read back
// per shop, newest first, never another shop's.
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
  })
}
