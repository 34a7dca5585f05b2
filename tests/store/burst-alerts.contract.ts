import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import type { BurstAlert } from '../../src/domain/similarity/burst-alert.schema'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'

// 突发消费事件 alerts (SQL migration 0023, CloudBase burst_alerts + burst_alert_windows): one alert per
// (key, window start), its messages queued with it or not at all, each group action recorded once.
const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

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
      const site = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      const c = aCase(merchant)
      const event = aSubmittedEvent(c)
      await store.createCase(c, event, [], noEvidence(c))
      return { c, event }
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
  })
}
