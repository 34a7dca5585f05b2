import { countRoundTrips } from '../../cloudfunctions/adapters/sql/query-counter'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { tick } from '../../cloudfunctions/services/tick'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore, sequentialIds } from '../support/test-deps'

const T0 = new Date('2026-03-10T06:00:00Z') // 14:00 Beijing, a working Tuesday
const MONTH_LATER = new Date('2026-04-10T06:00:00Z') // every clock of a case filed at T0 has run out

// The tick a batch at a time (issue 13.5): its round trips grow with the batches, not with the clocks.
describe('the tick in batches', () => {
  let store: Store & StoreInspection
  beforeEach(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
  })
  afterEach(() => store.close())

  const ticker = (name: string) => ({ ...makeDeps(store, MONTH_LATER), ids: sequentialIds(name) })
  const fileCases = async (n: number) => {
    const deps = { ...makeDeps(store, T0), ids: sequentialIds(unique('filing')) }
    for (let i = 0; i < n; i++) {
      const filed = await callAs(deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('batch').padEnd(16, '0') }), {
        subject: unique('shopper'),
      })
      if (!filed.ok) throw new Error(filed.error.code)
    }
  }
  const alertCounts = async () => {
    const pending = await store.listPendingOutbox(10_000)
    const clockAlerts = pending.filter((m) => m.template.startsWith('clock.'))
    return { total: clockAlerts.length, distinct: new Set(clockAlerts.map((m) => `${m.eventId}→${m.recipient.role}`)).size }
  }

  it('when 30 clocks come due instead of 3, then the tick talks to the store just as often', async () => {
    await fileCases(3)
    const few = await countRoundTrips(() => tick(ticker('tick-1'), MONTH_LATER))
    await fileCases(30)
    const many = await countRoundTrips(() => tick(ticker('tick-2'), MONTH_LATER))
    expect(few.result.advanced).toBeGreaterThanOrEqual(3)
    expect(many.result.advanced).toBeGreaterThanOrEqual(30)
    expect(many.trips.total).toBe(few.trips.total)
    expect(many.trips.outsideTransaction).toBe(0)
  })

  it('when two ticks run at once, then every clock alert exists once', async () => {
    await fileCases(12)
    const [a, b] = await Promise.all([tick(ticker('host-a'), MONTH_LATER), tick(ticker('host-b'), MONTH_LATER)])
    const { total, distinct } = await alertCounts()
    expect(a.alerts + b.alerts).toBe(total)
    expect(total).toBeGreaterThan(0)
    expect(total).toBe(distinct)
  })
})
