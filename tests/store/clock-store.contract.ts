import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { aSubmittedEvent } from '../support/builders'
import { aClock, anAlert, at, byKey, seedClockShop } from './clock-fixtures'

/**
 * One clock at a time (ClockStore): a case's clocks, and the conditional move the tick relies on — a
 * clock moves on, with its alerts, only from the stage and the run it was read in. (The clocks due
 * across the store are due-clocks.contract.ts.)
 */
export function clockStoreContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Clock store contract — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    const pendingAlertIds = async (caseId: string) =>
      (await store.listPendingOutbox(10_000)).filter((m) => m.caseId === caseId).map((m) => m.id)

    it('when a case has clocks, then listing them gives its own, as its last change left them', async () => {
      const { file } = await seedClockShop(store)
      const a = await file((c) => [aClock(c, 'first_answer', 10), aClock(c, 'accept_decision', 20)])
      const b = await file((c) => [aClock(c, 'first_answer', 10)])
      expect([...(await store.listClocksOfCase(a.id))].sort(byKey)).toEqual([
        aClock(a, 'accept_decision', 20),
        aClock(a, 'first_answer', 10),
      ])
      expect(await store.listClocksOfCase(b.id)).toEqual([aClock(b, 'first_answer', 10)])

      const stopped = { ...aClock(a, 'first_answer', 10), stage: 'stopped' as const, nextCheckAt: null, stoppedAt: at(1) }
      await store.applyChange({
        caseId: a.id,
        expectedVersion: 1,
        next: { ...a, status: 'accepted', updatedAt: at(1) },
        event: aSubmittedEvent(a, { seq: 2, type: 'accepted', at: at(1) }),
        outbox: [],
        clocks: [stopped],
      })
      expect([...(await store.listClocksOfCase(a.id))].sort(byKey)).toEqual([aClock(a, 'accept_decision', 20), stopped])
    })

    it('when a clock is moved on from the stage it was read in, then it moves with its alerts; from a stage it left, nothing happens', async () => {
      const { file } = await seedClockShop(store)
      const c = await file((c) => [aClock(c, 'merchant_response', -1)])
      const read = aClock(c, 'merchant_response', -1)
      const reminded = { ...read, stage: 'reminded' as const, nextCheckAt: at(30) }
      const alert = anAlert(read, 'reminded')
      expect(await store.advanceClock(reminded, 'running', [alert])).toBe(true)
      expect(await store.listClocksOfCase(c.id)).toEqual([reminded])
      expect(await pendingAlertIds(c.id)).toEqual([alert.id])

      // a second tick read it as running too: it must not remind again
      const again = anAlert(read, 'reminded')
      expect(await store.advanceClock({ ...reminded, nextCheckAt: at(31) }, 'running', [again])).toBe(false)
      expect(await store.listClocksOfCase(c.id)).toEqual([reminded])
      expect(await pendingAlertIds(c.id)).toEqual([alert.id])
    })

    it('when two ticks move the same clock at once, then one of them does, and its alerts are queued once', async () => {
      const { file } = await seedClockShop(store)
      const c = await file((c) => [aClock(c, 'merchant_response', -1)])
      const read = aClock(c, 'merchant_response', -1)
      const alerts = [anAlert(read, 'reminded'), anAlert(read, 'reminded')]
      const moved = await Promise.all(
        alerts.map((a) => store.advanceClock({ ...read, stage: 'reminded', nextCheckAt: at(30) }, 'running', [a])),
      )
      expect(moved.filter(Boolean)).toHaveLength(1)
      expect(await pendingAlertIds(c.id)).toHaveLength(1)
    })

    it('when the clock was restarted after it was read (a reopened case), then the old read cannot move the new run', async () => {
      const { file } = await seedClockShop(store)
      const c = await file((c) => [aClock(c, 'completion', -1)])
      const oldRun = aClock(c, 'completion', -1)
      const newRun = aClock(c, 'completion', 600, { startedAt: at(0) }) // the same clock, started again, running again
      await store.applyChange({
        caseId: c.id,
        expectedVersion: 1,
        next: { ...c, status: 'accepted', updatedAt: at(0) },
        event: aSubmittedEvent(c, { seq: 2, type: 'reopened', at: at(0) }),
        outbox: [],
        clocks: [newRun],
      })
      expect(
        await store.advanceClock({ ...oldRun, stage: 'reminded', nextCheckAt: at(30) }, 'running', [anAlert(oldRun, 'reminded')]),
      ).toBe(false)
      expect(await store.listClocksOfCase(c.id)).toEqual([newRun])
      expect(await pendingAlertIds(c.id)).toEqual([])
    })
  })
}
