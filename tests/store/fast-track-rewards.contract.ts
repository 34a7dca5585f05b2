import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Case } from '../../src/domain/case.schema'
import type { RewardApplication } from '../../src/domain/report-reward/report-reward-reporter'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'

// Fast-track check-in locations and report rewards (SQL migration 0018, CloudBase on_site_checkins and
// report_rewards): every store keeps them the same way — one application per report, a decision
// only on an application still waiting, locations read back in order.
const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

export function fastTrackRewardsContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, fast-track check-ins and report rewards — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const filed = async (kind: Case['kind']) => {
      const site = aSite()
      const merchant = aMerchant(site)
      await store.saveSite(site)
      await store.saveMerchant(merchant)
      const c = aCase(merchant, { kind })
      await store.createCase(c, aSubmittedEvent(c), [], noEvidence(c))
      return c
    }
    const application = (c: Case): RewardApplication => ({
      caseId: c.id,
      siteId: c.siteId,
      appliedAt: '2026-03-12T03:00:00.000Z',
      contact: { name: '举报人甲', phone: '13900001234' },
      note: '银行卡转账',
      status: 'applied',
      amountFen: null,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
    })

    it('when check-ins are recorded, then they come back in order with their locations, and a repeat of one changes nothing', async () => {
      const c = await filed('complaint')
      const first = {
        caseId: c.id,
        eventId: `${c.id}-e2`,
        actorId: 'st-a',
        at: '2026-03-10T03:00:00.000Z',
        location: { latitude: 30.27, longitude: 120.15, accuracy: 20 },
      }
      const second = {
        ...first,
        eventId: `${c.id}-e3`,
        at: '2026-03-10T04:00:00.000Z',
        location: { latitude: -33.5, longitude: -70.25, accuracy: null },
      }
      await store.recordCheckInLocation(second)
      await store.recordCheckInLocation(first)
      await store.recordCheckInLocation({ ...first, location: { latitude: 0, longitude: 0, accuracy: null } })
      expect(await store.listCheckInLocations(c.id)).toEqual([first, second])
      expect(await store.listCheckInLocations('no-such-case')).toEqual([])
    })

    it('when a reporter applies twice, then the first application stands', async () => {
      const c = await filed('report')
      expect(await store.getRewardApplication(c.id)).toBeNull()
      expect(await store.createRewardApplication(application(c))).toBe(true)
      expect(await store.createRewardApplication({ ...application(c), note: '第二次' })).toBe(false)
      expect(await store.getRewardApplication(c.id)).toEqual(application(c))
    })

    it('when the station decides, then only an application still waiting takes the decision', async () => {
      const c = await filed('report')
      const decision = {
        status: 'granted' as const,
        amountFen: 50000,
        reason: '属实',
        decidedBy: 'st-a',
        decidedAt: '2026-03-13T01:00:00.000Z',
      }
      expect(await store.decideRewardApplication(c.id, decision)).toBeNull() // nothing applied yet
      await store.createRewardApplication(application(c))
      const decided = {
        ...application(c),
        status: 'granted',
        amountFen: 50000,
        decisionReason: '属实',
        decidedBy: 'st-a',
        decidedAt: decision.decidedAt,
      }
      expect(await store.decideRewardApplication(c.id, decision)).toEqual(decided)
      expect(await store.decideRewardApplication(c.id, { ...decision, status: 'refused', amountFen: null, reason: '再改' })).toBeNull()
      expect(await store.getRewardApplication(c.id)).toEqual(decided)
    })
  })
}
