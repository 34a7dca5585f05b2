import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case } from '../../src/domain/case.schema'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'

// Issue 17.5 and 17.6 in every store: a case keeps when it was received (a 12345 hand-over's time,
// before the filing), and a change may move a case to another site (转办 within the system) — the
// site's list then holds it, the old site's does not, and nothing else about the case moves.
const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

export function caseTransferContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, channels and transfers — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const filed = async (over: Partial<Case> = {}) => {
      const site = aSite()
      const other = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveSite(other)
      await store.saveMerchant(merchant)
      const c = aCase(merchant, over)
      const first = aSubmittedEvent(c)
      await store.createCase(c, first, [], noEvidence(c))
      return { c, first, site, other }
    }

    it('when a hand-over is filed with its received time, then the case reads back with it; one filed without reads back received when created', async () => {
      const { c } = await filed({ channel: 'hotline_12345', receivedAt: '2026-03-09T08:30:00.000Z' })
      expect(await store.getCase(c.id)).toMatchObject({ channel: 'hotline_12345', receivedAt: '2026-03-09T08:30:00.000Z' })
      const { c: plain } = await filed({ channel: 'walk_in' })
      const read = await store.getCase(plain.id)
      expect(read).toMatchObject({ channel: 'walk_in', receivedAt: plain.createdAt })
    })

    it('when a change moves the case to another site, then it reads back there, the lists follow, and the rest of the case is as it was', async () => {
      const { c, first, site, other } = await filed()
      const stored = await store.getCase(c.id)
      const at = '2026-03-10T03:00:00.000Z'
      const event = aSubmittedEvent(c, {
        seq: 2,
        type: 'transferred',
        actor: { role: 'station', id: 'staff-1' },
        at,
        note: '商户不在本站',
        details: { kind: 'transfer', destination: 'site', toSiteId: other.id, toName: other.name, fromSiteId: site.id },
        prevHash: first.hash,
      })
      const { id: _id, caseNo: _no, siteId: _site, merchantId: _m, ...rest } = stored!
      const updated = await store.applyChange({
        caseId: c.id,
        expectedVersion: 1,
        next: { ...rest, siteId: other.id, updatedAt: at },
        event,
        outbox: [],
        clocks: [],
      })
      expect(updated).toEqual({ ...stored, siteId: other.id, updatedAt: at, version: 2 })
      expect(await store.getCase(c.id)).toEqual(updated)
      const page = { limit: 50, offset: 0 }
      expect((await store.listCasesForSite(other.id, page)).map((x) => x.id)).toEqual([c.id])
      expect((await store.listCasesForSite(site.id, page)).map((x) => x.id)).toEqual([])
      expect(await store.listEvents(c.id)).toEqual([first, event])
    })

    it('when a change names no site, then the case stays where it is', async () => {
      const { c, first, site } = await filed()
      const stored = await store.getCase(c.id)
      const at = '2026-03-10T04:00:00.000Z'
      const event = aSubmittedEvent(c, { seq: 2, type: 'accepted', actor: { role: 'station', id: 'staff-1' }, at, prevHash: first.hash })
      const { id: _id, caseNo: _no, siteId: _site, merchantId: _m, ...rest } = stored!
      const updated = await store.applyChange({
        caseId: c.id,
        expectedVersion: 1,
        next: { ...rest, status: 'accepted', updatedAt: at },
        event,
        outbox: [],
        clocks: [],
      })
      expect(updated).toMatchObject({ siteId: site.id, status: 'accepted' })
    })
  })
}
