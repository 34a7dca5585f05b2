import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import type { BurstAlert } from '../../src/domain/similarity/burst-alert.schema'
import { unique } from '../support/builders'
import { aSavedShop, fileAgainst, fileOnNewShop } from './filed-case-fixture'

// 突发消费事件 alerts (SQL migration 0023, CloudBase burst_alerts + burst_alert_windows): one alert per
// (key, window start), its messages queued with it or not at all, each group action recorded once.
// The burst pass's watermark (0027, burst_meta) and the scoring reads, which never carry personal data.
// A site's own K and window (0030, CloudBase burst_settings).

export function burstAlertsContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, burst alerts — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const filed = async () => {
      const { c, first } = await fileOnNewShop(store)
      return { c, event: first }
    }
    const anAlert = (c: Case, windowStart: string, over: Partial<BurstAlert> = {}): BurstAlert => ({
      id: unique('burst'),
      siteId: c.siteId,
      key: `merchant:${c.merchantId}`,
      basis: 'merchant',
      subject: c.merchantName,
      windowStart,
      windowEnd: new Date(Date.parse(windowStart) + 86_400_000).toISOString(),
      caseIds: [c.id],
      triggerCaseId: c.id,
      raisedAt: '2026-12-01T10:00:00.000Z',
      messaged: null,
      mediated: null,
      ...over,
    })
    const row = (c: Case, eventId: string, role: 'station' | 'consumer', template: string): OutboxMessage => ({
      id: unique('outbox'),
      caseId: c.id,
      eventId,
      recipient: { role, id: role === 'station' ? c.siteId : c.filedBy },
      template,
      createdAt: '2026-12-01T10:00:00.000Z',
    })
    const pendingOf = async (ids: string[]) => (await store.listPendingOutbox(10_000)).filter((m) => ids.includes(m.id))

    it('when an alert is stored, then its messages are queued with it; the same window again writes nothing', async () => {
      const { c, event } = await filed()
      const first = anAlert(c, '2026-12-01T01:00:00.000Z')
      const told = [row(c, event.id, 'station', 'burst.station.alert')]
      expect(await store.createBurstAlert(first, told)).toBe(true)
      expect(await store.getBurstAlert(first.id)).toEqual(first)

      const again = anAlert(c, '2026-12-01T01:00:00.000Z')
      const toldAgain = [row(c, event.id, 'station', 'burst.station.alert')]
      expect(await store.createBurstAlert(again, toldAgain)).toBe(false)
      expect(await store.getBurstAlert(again.id)).toBeNull()
      expect((await pendingOf([...told, ...toldAgain].map((m) => m.id))).map((m) => m.id)).toEqual([told[0].id])
    })

    it('when a key has alerts of two windows, then the latest is found and the site lists both, newest first', async () => {
      const { c } = await filed()
      const early = anAlert(c, '2026-11-01T01:00:00.000Z')
      const late = anAlert(c, '2026-11-03T01:00:00.000Z')
      const elsewhere = anAlert(c, '2026-11-04T01:00:00.000Z', { siteId: unique('site'), key: unique('merchant:') })
      for (const a of [early, late, elsewhere]) expect(await store.createBurstAlert(a, [])).toBe(true)
      expect((await store.latestBurstAlert(early.key))?.id).toBe(late.id)
      expect(await store.latestBurstAlert('merchant:nobody')).toBeNull()
      expect((await store.listBurstAlerts(c.siteId, 10)).map((a) => a.id)).toEqual([late.id, early.id])
    })

    it('when the group message is recorded twice, then it is queued once; the mediation is recorded once', async () => {
      const { c, event } = await filed()
      const alert = anAlert(c, '2026-12-02T01:00:00.000Z')
      await store.createBurstAlert(alert, [])
      const by = { at: '2026-12-02T05:00:00.000Z', by: 'st-1' }
      const once = [row(c, event.id, 'consumer', 'burst.consumer.group_message')]
      const twice = [row(c, event.id, 'consumer', 'burst.consumer.group_message')]
      expect(await store.recordBurstMessage(alert.id, by, once)).toBe(true)
      expect(await store.recordBurstMessage(alert.id, { ...by, by: 'st-2' }, twice)).toBe(false)
      expect((await pendingOf([...once, ...twice].map((m) => m.id))).map((m) => m.id)).toEqual([once[0].id])
      expect(await store.recordBurstMediation(alert.id, by)).toBe(true)
      expect(await store.recordBurstMediation(alert.id, { ...by, by: 'st-2' })).toBe(false)
      expect(await store.getBurstAlert(alert.id)).toEqual({ ...alert, messaged: by, mediated: by })
      expect(await store.recordBurstMessage('no-such-alert', by, [])).toBe(false)
    })

    it('when the watermark is set, then it reads back; an older one never moves it back', async () => {
      const before = await store.burstWatermark()
      const at = '2031-01-02T03:04:05.000Z' // later than any other test's mark: the store has one
      await store.setBurstWatermark(at)
      expect(await store.burstWatermark()).toBe(at)
      await store.setBurstWatermark('2030-01-01T00:00:00.000Z')
      expect(await store.burstWatermark()).toBe(at)
      expect(before === null || before <= at).toBe(true)
    })

    it('when cases are scored, then the reads carry what scoring needs and no personal field, bounded and in order', async () => {
      const shop = await aSavedShop(store)
      const at = (h: number) => new Date(Date.UTC(2031, 5, 1, h)).toISOString()
      const { c: first } = await fileAgainst(store, shop, { createdAt: at(1), receivedAt: at(1), updatedAt: at(1) })
      const { c: report } = await fileAgainst(store, shop, { kind: 'report', createdAt: at(2), receivedAt: at(2), updatedAt: at(2) })
      const { c: last } = await fileAgainst(store, shop, { createdAt: at(3), receivedAt: at(3), updatedAt: at(3), product: '电热水壶' })
      const forSite = await store.listScoringCasesForSite(shop.siteId, 10)
      expect(forSite.map((x) => x.id)).toEqual([last.id, report.id, first.id])
      expect(forSite[0]).toEqual({
        id: last.id,
        caseNo: last.caseNo,
        kind: 'complaint',
        status: last.status,
        siteId: shop.siteId,
        merchantId: shop.id,
        merchantName: shop.name,
        problemType: last.problemType,
        product: '电热水壶',
        description: last.description,
        outcome: null,
        amountFen: last.amountFen,
        createdAt: at(3),
        updatedAt: at(3),
      })
      const text = JSON.stringify(forSite)
      for (const secret of [first.complainant?.name, first.complainant?.phone, first.queryCode, first.filedBy])
        expect(text).not.toContain(secret)
      expect((await store.listScoringCasesForSite(shop.siteId, 2)).map((x) => x.id)).toEqual([last.id, report.id])
      // from an instant on (the product rule's window): at or after it, newest first
      expect((await store.listScoringCasesForSite(shop.siteId, 10, at(2))).map((x) => x.id)).toEqual([last.id, report.id])
      // the shop's: complaints only, never a report
      expect((await store.listScoringComplaintsForMerchant(shop.id, 10)).map((x) => x.id)).toEqual([last.id, first.id])
      // filed after an instant: oldest first, strictly after, paged
      const after = await store.listScoringCasesFiledAfter(at(1), { limit: 1000, offset: 0 })
      const mine = after.filter((x) => x.merchantId === shop.id).map((x) => x.id)
      expect(mine).toEqual([report.id, last.id])
      const paged = await store.listScoringCasesFiledAfter(at(1), { limit: 1, offset: after.findIndex((x) => x.id === last.id) })
      expect(paged.map((x) => x.id)).toEqual([last.id])
      // complaints against the shop in [from, to)
      expect(await store.countComplaintsAgainst(shop.id, at(1), at(3))).toBe(1)
      expect(await store.countComplaintsAgainst(shop.id, at(1), new Date(Date.parse(at(3)) + 1).toISOString())).toBe(2)
      expect(await store.countComplaintsAgainst(shop.id, at(2), at(4))).toBe(1)
    })

    it("when a site's K and window are saved, then they read back for that site only; saving again replaces them", async () => {
      const siteId = unique('site')
      expect(await store.getBurstSettings(siteId)).toBeNull()
      const first = { siteId, k: 3, windowHours: 12, updatedBy: 'st-1', updatedAt: '2026-12-05T01:00:00.000Z' }
      await store.saveBurstSettings(first)
      expect(await store.getBurstSettings(siteId)).toEqual(first)
      expect(await store.getBurstSettings(unique('site'))).toBeNull()
      const second = { siteId, k: 20, windowHours: 168, updatedBy: 'st-2', updatedAt: '2026-12-05T02:00:00.000Z' }
      await store.saveBurstSettings(second)
      expect(await store.getBurstSettings(siteId)).toEqual(second)
    })
  })
}
