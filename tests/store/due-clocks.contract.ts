import type { ClockStep, DueClock, Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { aClock, anAlert, at, keyOf, NOW, seedClockShop } from './clock-fixtures'

/**
 * The clocks due at an instant (ClockStore.findClocksDueBefore), and the tick's batch
 * (advanceDueClocks): the due clocks with their cases' addressees, each moved on by the caller's step
 * and written with its alerts and the shop's late count, together; two ticks at once never step one
 * clock twice. Every due clock of the store is the work, so each test opens a store of its own.
 */
const remind = ({ clock }: DueClock): ClockStep => ({
  next: { ...clock, stage: 'reminded', nextCheckAt: at(60) },
  fromStage: clock.stage,
  alerts: [anAlert(clock, 'reminded')],
})

export function dueClocksContract(adapterName: string, open: () => Promise<Store & StoreInspection>) {
  describe(`Due clocks store contract — ${adapterName}`, () => {
    let store: Store & StoreInspection
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store?.close()
    })

    const pendingAlerts = async (caseIds: string[]) => (await store.listPendingOutbox(10_000)).filter((m) => caseIds.includes(m.caseId))

    it('when clocks are due, then those checked at or before the instant come back earliest first, at most the limit', async () => {
      const { file } = await seedClockShop(store)
      const c = await file((c) => [
        aClock(c, 'merchant_response', -10),
        aClock(c, 'first_answer', 0),
        aClock(c, 'accept_decision', -20),
        aClock(c, 'completion', 5),
        aClock(c, 'on_site', -30, { stage: 'stopped', nextCheckAt: null, stoppedAt: at(-40) }),
      ])
      expect(await store.findClocksDueBefore(NOW, 10)).toEqual([
        aClock(c, 'accept_decision', -20),
        aClock(c, 'merchant_response', -10),
        aClock(c, 'first_answer', 0),
      ])
      expect((await store.findClocksDueBefore(NOW, 2)).map((k) => k.clockId)).toEqual(['accept_decision', 'merchant_response'])
      expect(await store.findClocksDueBefore(at(-21), 10)).toEqual([])
    })

    it('when clocks are due, then the step gets each with its case, earliest first, at most the limit, and every step is written', async () => {
      const { merchant, file } = await seedClockShop(store)
      const complaint = await file((c) => [aClock(c, 'merchant_response', -10), aClock(c, 'completion', 5)])
      const report = await file((c) => [aClock(c, 'first_answer', -20), aClock(c, 'accept_decision', 0)], {
        kind: 'report',
        complainant: null,
        demands: [],
      })
      await file((c) => [aClock(c, 'on_site', -30, { stage: 'stopped', nextCheckAt: null, stoppedAt: at(-40) })])

      const seen: DueClock[] = []
      const steps: ClockStep[] = []
      const first = await store.advanceDueClocks(NOW, 2, (due) => {
        seen.push(due)
        steps.push(remind(due))
        return steps[steps.length - 1]
      })
      expect(seen).toEqual([
        {
          clock: aClock(report, 'first_answer', -20),
          case: { id: report.id, kind: 'report', filedBy: report.filedBy, merchantId: merchant.id, siteId: merchant.siteId },
        },
        {
          clock: aClock(complaint, 'merchant_response', -10),
          case: { id: complaint.id, kind: 'complaint', filedBy: complaint.filedBy, merchantId: merchant.id, siteId: merchant.siteId },
        },
      ])
      expect(first).toEqual({ examined: 2, written: steps })
      expect(await store.listClocksOfCase(complaint.id)).toContainEqual({
        ...aClock(complaint, 'merchant_response', -10),
        stage: 'reminded',
        nextCheckAt: at(60),
      })
      expect((await pendingAlerts([complaint.id, report.id])).map((m) => m.template).sort()).toEqual([
        'clock.first_answer.reminded',
        'clock.merchant_response.reminded',
      ])

      // the rest of what is due at NOW (due at the instant itself), then nothing
      const second = await store.advanceDueClocks(NOW, 10, remind)
      expect(second.written.map((s) => s.next.clockId)).toEqual(['accept_decision'])
      expect(second.examined).toBe(1)
      let called = false
      expect(await store.advanceDueClocks(NOW, 10, (due) => ((called = true), remind(due)))).toEqual({ examined: 0, written: [] })
      expect(called).toBe(false)
    })

    it('when three ticks run at once, then each due clock is stepped and written exactly once', async () => {
      const { file } = await seedClockShop(store)
      const cases = await Promise.all(
        [0, 1, 2, 3].map(() =>
          file((c) => [aClock(c, 'merchant_response', -3), aClock(c, 'first_answer', -2), aClock(c, 'accept_decision', -1)]),
        ),
      )
      const runs = await Promise.all([0, 1, 2].map(() => store.advanceDueClocks(NOW, 3, remind)))
      // whatever a tick skipped because another held it, a later tick takes
      for (let i = 0; i < 4; i++) runs.push(await store.advanceDueClocks(NOW, 3, remind))
      const stepped = runs.flatMap((r) => r.written.map((s) => keyOf(s.next)))
      expect(stepped).toHaveLength(12)
      expect(new Set(stepped).size).toBe(12)
      expect(runs.reduce((n, r) => n + r.examined, 0)).toBe(12)
      expect(await pendingAlerts(cases.map((c) => c.id))).toHaveLength(12)
      for (const c of cases) expect((await store.listClocksOfCase(c.id)).map((k) => k.stage)).toEqual(['reminded', 'reminded', 'reminded'])
    })

    it('when the batch marks a running response clock overdue, then the shop counts one more late response; a report, none', async () => {
      const { merchant, file } = await seedClockShop(store)
      await file((c) => [aClock(c, 'merchant_response', -1)])
      await file((c) => [aClock(c, 'merchant_response', -1)], { kind: 'report', complainant: null, demands: [] })
      expect((await store.countMerchantCases(merchant.id)).responseLate).toBe(0)
      await store.advanceDueClocks(NOW, 10, ({ clock }) => ({
        next: { ...clock, stage: 'overdue', nextCheckAt: null },
        fromStage: 'running',
        alerts: [],
      }))
      expect((await store.countMerchantCases(merchant.id)).responseLate).toBe(1)
    })
  })
}
