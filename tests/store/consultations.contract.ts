import type { Store } from '../../cloudfunctions/ports/store'
import type { Consultation } from '../../src/domain/consult/consultation.schema'
import { aSite, unique } from '../support/builders'

/**
 * Consultations' part of the store contract (ports/consultation-store.ts): a repeated key files
 * nothing new, lists are per asker and per site (open only when asked), an update lands only on the
 * version it was decided on, and the link back from a complaint is found. Run against every adapter.
 */
export function consultationsContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Consultations store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const aConsultation = (siteId: string, over: Partial<Consultation> = {}): Consultation => ({
      id: unique('consult'),
      consultNo: `ZX-20260310-${unique('n').replace(/\D/g, '').slice(-6)}`,
      status: 'received',
      siteId,
      merchantId: null,
      merchantName: null,
      question: '购物卡过期了还能用吗',
      contact: null,
      evidenceIds: [],
      filedBy: unique('asker'),
      idempotencyKey: unique('key'),
      queryCode: 'ABCDEFGH',
      reply: null,
      closedAt: null,
      caseId: null,
      caseNo: null,
      createdAt: '2026-03-10T02:00:00.000Z',
      updatedAt: '2026-03-10T02:00:00.000Z',
      version: 0,
      ...over,
    })

    it('when a consultation is stored, then it reads back whole by id and by number, its contact included', async () => {
      const site = aSite()
      await store.saveSite(site)
      const c = aConsultation(site.id, { contact: { name: '王先生', phone: '13900001111' }, evidenceIds: ['ev-1', 'ev-2'] })
      expect(await store.createConsultation(c)).toEqual({ created: true, consultation: c })
      expect(await store.getConsultation(c.id)).toEqual(c)
      expect(await store.findConsultationByNo(c.consultNo)).toEqual(c)
      expect(await store.getConsultation('no-such')).toBeNull()
    })

    it('when the same asker sends the same key again, then nothing new is stored and the first comes back', async () => {
      const site = aSite()
      await store.saveSite(site)
      const first = aConsultation(site.id)
      await store.createConsultation(first)
      const again = await store.createConsultation({
        ...aConsultation(site.id),
        filedBy: first.filedBy,
        idempotencyKey: first.idempotencyKey,
      })
      expect(again).toEqual({ created: false, consultation: first })
      expect(await store.listConsultationsFiledBy(first.filedBy, { limit: 10, offset: 0 })).toEqual([first])
    })

    it('when a site lists its consultations, then only its own come back, newest first, open ones only when asked', async () => {
      const site = aSite()
      const other = aSite()
      await store.saveSite(site)
      await store.saveSite(other)
      const older = aConsultation(site.id, { createdAt: '2026-03-10T01:00:00.000Z', updatedAt: '2026-03-10T01:00:00.000Z' })
      const answered = aConsultation(site.id, { status: 'answered', createdAt: '2026-03-10T03:00:00.000Z' })
      for (const c of [older, answered, aConsultation(other.id)]) await store.createConsultation(c)
      const all = await store.listConsultationsForSite(site.id, false, { limit: 10, offset: 0 })
      expect(all.map((c) => c.id)).toEqual([answered.id, older.id])
      expect((await store.listConsultationsForSite(site.id, true, { limit: 10, offset: 0 })).map((c) => c.id)).toEqual([older.id])
    })

    it('when an update is decided on an old version, then it is refused; on the current one it lands and the case link is found', async () => {
      const site = aSite()
      await store.saveSite(site)
      const c = aConsultation(site.id)
      await store.createConsultation(c)
      const closed: Consultation = {
        ...c,
        status: 'converted',
        reply: { text: '请转为投诉', entryId: null, by: { staffId: 'st-1', displayName: '站' }, at: '2026-03-10T04:00:00.000Z' },
        closedAt: '2026-03-10T04:00:00.000Z',
        updatedAt: '2026-03-10T04:00:00.000Z',
        version: 1,
      }
      expect(await store.updateConsultation(closed, 0)).toEqual(closed)
      await expect(store.updateConsultation({ ...closed, version: 1 }, 0)).rejects.toMatchObject({ error: { code: 'CONCURRENT_UPDATE' } })
      const caseId = unique('case')
      const linked = { ...closed, caseId, caseNo: 'KS-20260310-0009', version: 2 }
      await store.updateConsultation(linked, 1)
      expect(await store.findConsultationOfCase(caseId)).toEqual(linked)
      expect(await store.findConsultationOfCase('no-such-case')).toBeNull()
    })
  })
}
