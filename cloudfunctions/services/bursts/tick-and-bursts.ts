import type { Deps } from '../context'
import { tickAndRefreshStats } from '../stats-upkeep'
import type { TickReport } from '../tick'
import { runBurstPass } from './burst-pass'

/**
 * The host's tick job: the clocks and the statistics (stats-upkeep.ts), then 突发消费事件 over the
 * complaints filed since the last pass (burst-pass.ts) — an alert comes within one tick of its filing.
 * The clock cloud function runs the same pass after its own statistics refresh.
 */
export async function tickRefreshAndCheckBursts(deps: Deps, now: Date): Promise<TickReport> {
  const report = await tickAndRefreshStats(deps, now)
  await runBurstPass(deps, now)
  return report
}
