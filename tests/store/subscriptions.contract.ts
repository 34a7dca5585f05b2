import type { Store } from '../../cloudfunctions/ports/store'
import { aMerchant, aSite, unique } from '../support/builders'

/**
 * Who hears about a shop's cases on their phone, and how many WeChat subscribe messages each person
 * still allows (NotificationStore): one accepted prompt is one send, the count never goes below zero
 * however many dispatchers spend it at once. Subjects are unique per test: one store for all.
 */
export function subscriptionsContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Subscriptions store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    it('when a shop has clerks, then the subjects of its active ones are listed, no one else', async () => {
      const site = aSite()
      const [shop, other] = [aMerchant(site), aMerchant(site)]
      await store.saveSite(site)
      for (const m of [shop, other]) await store.saveMerchant(m)
      const member = (merchantId: string, status: 'active' | 'pending' | 'revoked') => ({
        id: unique('member'),
        merchantId,
        siteId: site.id,
        subject: unique('clerk'),
        status,
        createdAt: '2026-03-10T02:00:00.000Z',
      })
      const [a, b] = [member(shop.id, 'active'), member(shop.id, 'active')]
      for (const m of [a, b, member(shop.id, 'pending'), member(shop.id, 'revoked'), member(other.id, 'active')])
        await store.saveMembership(m)
      expect([...(await store.listActiveMemberSubjects(shop.id))].sort()).toEqual([a.subject, b.subject].sort())
      await store.saveMembership({ ...a, status: 'revoked' })
      expect(await store.listActiveMemberSubjects(shop.id)).toEqual([b.subject])
      expect(await store.listActiveMemberSubjects(unique('merchant'))).toEqual([])
    })

    it('when prompts are accepted, then each allows one send of its slot, and none is left after the last', async () => {
      const subject = unique('subject')
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(0)
      expect(await store.useSubscriptionSend(subject, 'merchant_new_case')).toBe(false)
      await store.addSubscriptionAccepts(subject, ['merchant_new_case', 'merchant_new_case', 'consumer_accepted'])
      await store.addSubscriptionAccepts(subject, ['merchant_new_case'])
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(3)
      expect(await store.remainingSubscriptionSends(subject, 'consumer_accepted')).toBe(1)
      expect(await store.remainingSubscriptionSends(unique('subject'), 'merchant_new_case')).toBe(0)

      expect(await store.useSubscriptionSend(subject, 'consumer_accepted')).toBe(true)
      expect(await store.useSubscriptionSend(subject, 'consumer_accepted')).toBe(false)
      expect(await store.remainingSubscriptionSends(subject, 'consumer_accepted')).toBe(0)
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(3)
    })

    it('when WeChat says none is left, then the count is cleared, and new accepts count from zero', async () => {
      const subject = unique('subject')
      await store.addSubscriptionAccepts(subject, ['merchant_new_case', 'merchant_new_case'])
      await store.clearSubscriptionSends(subject, 'merchant_new_case')
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(0)
      expect(await store.useSubscriptionSend(subject, 'merchant_new_case')).toBe(false)
      await store.clearSubscriptionSends(unique('subject'), 'merchant_new_case') // nothing to clear: harmless
      await store.addSubscriptionAccepts(subject, ['merchant_new_case'])
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(1)
    })

    it('when ten sends race for three allowed ones, then exactly three succeed and the count stops at zero', async () => {
      const subject = unique('subject')
      await store.addSubscriptionAccepts(subject, ['merchant_new_case', 'merchant_new_case', 'merchant_new_case'])
      const used = await Promise.all(Array.from({ length: 10 }, () => store.useSubscriptionSend(subject, 'merchant_new_case')))
      expect(used.filter(Boolean)).toHaveLength(3)
      expect(await store.remainingSubscriptionSends(subject, 'merchant_new_case')).toBe(0)
    })

    it('when ten accepts arrive at once, then all ten count', async () => {
      const subject = unique('subject')
      await Promise.all(Array.from({ length: 10 }, () => store.addSubscriptionAccepts(subject, ['consumer_accepted'])))
      expect(await store.remainingSubscriptionSends(subject, 'consumer_accepted')).toBe(10)
    })
  })
}
