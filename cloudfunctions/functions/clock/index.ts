// The timer-triggered cloud function that runs the clocks in CloudBase (config.json: every minute).
// Its only input is the timer's own event (its Time, timer-instant.ts); it answers to no client. The
// local host runs the same tick on a timer. Once a day it also anchors the heads of the case chains,
// to the log (no local disk in CloudBase).
import { cloudDeps } from '../../runtime/cloud-deps'
import { timerInstant } from '../../runtime/timer-instant'
import { anchorChainHeads, CLOUD_ANCHOR_WINDOW_MS, isCloudAnchorMinute } from '../../services/chain-anchor'
import { tick, type TickReport } from '../../services/tick'
import { refreshStats } from '../../services/stats-upkeep'
import { afterTickPasses } from '../../services/after-tick'
import { CLOUD_PASS_MAX_CASES } from '../../services/bursts/burst-pass'
import { isPublishMinute, rollPublicFigures } from '../../services/public-figures-pass'

/**
 * Cases the statistics' refresh takes per minute here; the rest waits a minute. A case costs about 30
 * single-document requests for its cubes and filer rows, and up to about 24 more for the repeat counters (6
 * tallies and 6 counters, each read and set; a case that moves period or site twice that): about 55, so 100
 * cases are about 5,500 requests, 27–55 s at 5–10 ms each. The budget below bounds it whatever a case costs.
 */
export const CLOUD_REFRESH_CASES = 100
/**
 * The refresh takes no new case after this long (the function has 60 s): the anchoring, the hourly roll and
 * afterTickPasses that follow keep half the minute. A case begun finishes (its transaction is one unit).
 */
export const CLOUD_REFRESH_BUDGET_MS = 30_000

export async function main(event?: unknown, context?: unknown): Promise<TickReport> {
  const deps = await cloudDeps()
  const now = timerInstant(event, context) // the minute the timer fired for
  const started = Date.now() // the function's own running time (`now` is the timer's minute, not the wall clock)
  const report = await tick(deps, now)
  // the statistics the tick's moves and the case writes since the last minute changed; a failure waits for the next minute
  const outOfTime = () => Date.now() - started >= CLOUD_REFRESH_BUDGET_MS
  await refreshStats(deps, now, CLOUD_REFRESH_CASES, outOfTime).catch((err: unknown) =>
    console.error(`refreshing the statistics failed: ${String(err)}`),
  )
  if (isCloudAnchorMinute(now)) {
    // a failed anchoring must not fail the clocks: it is logged and tried again tomorrow
    await anchorChainHeads(deps, new Date(now.getTime() - CLOUD_ANCHOR_WINDOW_MS).toISOString()).catch((err: unknown) =>
      console.error(`anchoring the chain heads failed: ${String(err)}`),
    )
  }
  if (isPublishMinute(now)) {
    // 投诉信息公示: the hourly roll of the shops' counters; a failure waits for the next hour, the clocks go on
    await rollPublicFigures(deps, now).catch((err: unknown) => console.error(`rolling the published figures failed: ${String(err)}`))
  }
  // 突发消费事件 and the quarter's letters owed (after-tick.ts) come last and take a minute's share, so a
  // backlog of filings can neither time the function out before the daily anchoring and the hourly roll
  // nor hold the pass's watermark still; a failure waits for the next minute
  await afterTickPasses(deps, now, CLOUD_PASS_MAX_CASES)
  return report
}
