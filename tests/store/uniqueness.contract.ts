import type { StaffAccount } from '../../cloudfunctions/ports/records'
import type { Store } from '../../cloudfunctions/ports/store'
import { aMerchant, aSite, aUscc, unique } from '../support/builders'

/**
 * What the SQL schema's unique indexes promise, as behaviour every adapter keeps: a shop code names
 * one shop, a credit code one shop per site, a username one account, a subject one binding per shop.
 * The document database has no unique index; its adapter keeps these with guard documents written in
 * the same transaction, and this suite is what shows it (including two writers racing).
 */
export function uniquenessContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Uniqueness store contract — ${adapterName}`, () => {
    let store: Store
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
    const anAccount = (over: Partial<StaffAccount> = {}): StaffAccount => ({
      id: unique('staff'),
      username: unique('user'),
      displayName: '测试站员',
      role: 'station',
      siteId: null,
      passwordHash: 'scrypt$1$1$1$a$b',
      createdAt: '2026-03-10T02:00:00.000Z',
      ...over,
    })

    it('when a second shop is saved under a code in use, then it is refused and the code still finds the first', async () => {
      const { site, merchant } = await seedShop()
      const second = aMerchant(site, { code: merchant.code })
      await expect(store.saveMerchant(second)).rejects.toBeDefined()
      expect(await store.findMerchantByCode(merchant.code)).toEqual(merchant)
      expect(await store.getMerchant(second.id)).toBeNull()
    })

    it('when two new shops race for one code, then exactly one of them is saved', async () => {
      const site = aSite()
      await store.saveSite(site)
      const a = aMerchant(site)
      const b = aMerchant(site, { code: a.code })
      const outcomes = await Promise.allSettled([store.saveMerchant(a), store.saveMerchant(b)])
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
      const saved = await store.findMerchantByCode(a.code)
      expect([a.id, b.id]).toContain(saved?.id)
      expect((await store.listMerchantsOfSite(site.id)).map((m) => m.id)).toEqual([saved?.id])
    })

    it("when a shop's code or credit code changes, then the old ones are free for another shop", async () => {
      const { site, merchant } = await seedShop()
      const moved = { ...merchant, code: aMerchant(site).code, uscc: aUscc() }
      await store.saveMerchant(moved)
      expect(await store.findMerchantByCode(merchant.code)).toBeNull()
      const next = aMerchant(site, { code: merchant.code, uscc: merchant.uscc })
      await store.saveMerchant(next)
      expect(await store.findMerchantByCode(merchant.code)).toEqual(next)
      expect(await store.findMerchantByUscc(site.id, merchant.uscc)).toEqual(next)
      expect(await store.findMerchantByUscc(site.id, moved.uscc)).toEqual(moved)
    })

    it('when a second shop of a site takes a credit code in use, then it is refused; another site, or no code, is fine', async () => {
      const { site, merchant } = await seedShop()
      await expect(store.saveMerchant(aMerchant(site, { uscc: merchant.uscc }))).rejects.toBeDefined()
      const elsewhere = aSite()
      await store.saveSite(elsewhere)
      await store.saveMerchant(aMerchant(elsewhere, { uscc: merchant.uscc }))
      for (const older of [aMerchant(site, { uscc: '' }), aMerchant(site, { uscc: '' })]) await store.saveMerchant(older)
      expect(await store.findMerchantByUscc(site.id, merchant.uscc)).toEqual(merchant)
      expect(await store.listMerchantsOfSite(site.id)).toHaveLength(3)
    })

    it('when a second account takes a username in use, then it is refused; renamed, the first frees its old name', async () => {
      const first = anAccount()
      await store.saveStaff(first)
      const second = anAccount({ username: first.username })
      await expect(store.saveStaff(second)).rejects.toBeDefined()
      expect(await store.findStaffByUsername(first.username)).toEqual(first)
      const renamed = { ...first, username: unique('user'), displayName: '改名' }
      await store.saveStaff(renamed)
      expect(await store.findStaffByUsername(renamed.username)).toEqual(renamed)
      await store.saveStaff(second)
      expect(await store.findStaffByUsername(first.username)).toEqual(second)
    })

    it('when a subject is bound to a shop under a second id, then it is refused and the first binding stays', async () => {
      const { merchant } = await seedShop()
      const subject = unique('subject')
      const base = { merchantId: merchant.id, siteId: merchant.siteId, subject, createdAt: '2026-03-10T02:00:00.000Z' }
      const first = { ...base, id: unique('member'), status: 'active' as const }
      await store.saveMembership(first)
      await expect(store.saveMembership({ ...base, id: unique('member'), status: 'active' })).rejects.toBeDefined()
      expect(await store.listMembershipsOf(subject)).toEqual([first])
    })
  })
}
