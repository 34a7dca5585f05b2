// The tick's workload for the round-trip bench: open cases at one shop, each with a running
// merchant-response clock, `due` of them due a minute before `now` and the rest next week.
// Written through the store (createCase: the case, its first event and its clock in one write), the
// same code on both stores, in parallel batches — not straight into the loopback's engine, whose
// documents would then have to copy the adapter's encoding (the case document's clock summary,
// its tally) and could drift from it.
import { performance } from 'node:perf_hooks'
import type { Store } from '../cloudfunctions/ports/store'
import type { Case } from '../src/domain/case.schema'
import type { CaseClock } from '../src/domain/clocks/case-clock'
import type { Merchant } from '../src/domain/merchant.schema'
import { aCase, aSubmittedEvent } from '../tests/support/builders'

const PARALLEL = 25 // filings in flight at once: quick on the loopback, and no rush on the day's counter (numbers are given)

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

function runningClock(c: Case, now: Date, due: boolean): CaseClock {
  const next = minutesFrom(now, due ? -1 : 7 * 24 * 60)
  return {
    caseId: c.id,
    clockId: 'merchant_response',
    startedAt: minutesFrom(now, -60),
    dueAt: next,
    remindAt: next,
    urgeAt: next,
    explanation: 'bench',
    provisional: false,
    stage: 'running',
    nextCheckAt: next,
    stoppedAt: null,
  }
}

/** Seeds `open` cases, the first `due` of them with a clock due at `now`; answers the seconds it took. */
export async function seedOpenCases(store: Store, shop: Merchant, now: Date, open: number, due: number): Promise<number> {
  const t0 = performance.now()
  const at = minutesFrom(now, -60)
  for (let start = 0; start < open; start += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, open - start) }, (_, k) => start + k)
    await Promise.all(
      batch.map(async (i) => {
        const c = aCase(shop, { status: 'with_merchant', createdAt: at, updatedAt: at })
        await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, [runningClock(c, now, i < due)])
      }),
    )
  }
  return (performance.now() - t0) / 1000
}
