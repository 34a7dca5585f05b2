import { PASS_MAX_CASES, runBurstPass } from './bursts/burst-pass'
import type { Deps } from './context'
import { prepareQuarterlyLetters } from './letters/quarterly-letters'
import { sweepExportFiles } from './exports/export-sweep'
import { tickAndRefreshStats } from './stats-upkeep'
import type { TickReport } from './tick'

// What reads the tick's results and the statistics just refreshed, the same on the host (clock-scheduler)
// and in the clock cloud function. Kept out of tick() itself: tick() talks to the store only inside its
// batches' transactions, as often for 3 due clocks as for 30 (tests/functions/tick-batch.test.ts), and
// the quarterly run reads the statistics, which are exact only once the refresh has run.

/**
 * The passes after the statistics' refresh; each failure is logged and waits for the next tick.
 * `burstCases`: the new filings one burst pass checks at most (the clock cloud function takes fewer).
 */
export async function afterTickPasses(deps: Deps, now: Date, burstCases = PASS_MAX_CASES): Promise<void> {
  // 突发消费事件 over the complaints filed since the last pass (bursts/burst-pass.ts): an alert within one tick
  await runBurstPass(deps, now, burstCases)
  // 待送达建议书: from a new quarter, last quarter's letters owed per site, written once (letters/quarterly-letters.ts)
  await prepareQuarterlyLetters(deps, now).catch((err: unknown) => console.error(`preparing the quarter's letters failed: ${String(err)}`))
  // exports no phone discarded, a day on (CloudBase only: the host stores none; exports/export-sweep.ts)
  await sweepExportFiles(deps, now).catch((err: unknown) => console.error(`sweeping old exports failed: ${String(err)}`))
}

/** The host's tick job: the clocks, the statistics they changed (stats-upkeep.ts), then the passes above. */
export async function runTickJob(deps: Deps, now: Date): Promise<TickReport> {
  const report = await tickAndRefreshStats(deps, now)
  await afterTickPasses(deps, now)
  return report
}
