import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { aSubmittedEvent } from '../support/builders'
import { aClock, at, NOW, seedClockShop } from './clock-fixtures'

// A suspended mediation (中止, clocks/clock-pause.ts) pauses its clocks: every store keeps the instant of
// the pause on the clock (pausedAt) and gives it back, never hands a paused clock to the tick, and
// leaves it out of the board's "what is due next" — until the resumption clears it.
export function clockPauseContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Store contract, paused clocks — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    it('when a change pauses a clock and a later one resumes it, then the pause reads back, the tick and the board skip it, and the resumption clears it', async () => {
      const shop = await seedClockShop(store)
      // the mediation clock is due first; the station's acceptance clock later
      const c = await shop.file((k) => [aClock(k, 'mediation', 10), aClock(k, 'accept_decision', 300)], { status: 'mediating' })
      const [mediation] = (await store.listClocksOfCase(c.id)).filter((k) => k.clockId === 'mediation')
      const first = (await store.listEvents(c.id))[0]
      const step = (seq: number, clocks: CaseClock[], prevHash: string) =>
        store.applyChange({
          caseId: c.id,
          expectedVersion: seq - 1,
          next: { ...c, updatedAt: at(seq) },
          event: aSubmittedEvent(c, { seq, type: seq === 2 ? 'mediation_suspended' : 'mediation_resumed', at: at(seq), prevHash }),
          outbox: [],
          clocks,
        })

      const paused: CaseClock = { ...mediation, pausedAt: NOW, nextCheckAt: null }
      await step(2, [paused], first.hash)
      expect((await store.listClocksOfCase(c.id)).find((k) => k.clockId === 'mediation')).toEqual(paused)
      expect((await store.findClocksDueBefore(at(24 * 60), 100)).filter((k) => k.caseId === c.id).map((k) => k.clockId)).toEqual([
        'accept_decision',
      ])
      const row = (await store.listBoard({ siteId: shop.site.id, openOnly: true, now: NOW, after: null, limit: 50 })).items.find(
        (i) => i.id === c.id,
      )
      expect(row?.nextClock).toMatchObject({ clockId: 'accept_decision' })

      const second = (await store.listEvents(c.id))[1]
      const resumed: CaseClock = { ...mediation, dueAt: at(600), nextCheckAt: at(100) } // no pausedAt: running again
      await step(3, [resumed], second.hash)
      expect((await store.listClocksOfCase(c.id)).find((k) => k.clockId === 'mediation')).toEqual(resumed)
      expect((await store.findClocksDueBefore(at(24 * 60), 100)).filter((k) => k.caseId === c.id).map((k) => k.clockId)).toEqual([
        'mediation',
        'accept_decision',
      ])
    })
  })
}
