// The timer-triggered cloud function that runs the clocks in CloudBase (config.json: every minute).
// It takes no input and answers to no client; the local host runs the same tick on a timer. Once a
// day it also anchors the heads of the case chains, to the log (no local disk in CloudBase).
import { cloudDeps } from '../../runtime/cloud-deps'
import { anchorChainHeads, CLOUD_ANCHOR_WINDOW_MS, isCloudAnchorMinute } from '../../services/chain-anchor'
import { tick, type TickReport } from '../../services/tick'

export async function main(): Promise<TickReport> {
  const deps = await cloudDeps()
  const now = new Date()
  const report = await tick(deps, now)
  if (isCloudAnchorMinute(now)) {
    // a failed anchoring must not fail the clocks: it is logged and tried again tomorrow
    await anchorChainHeads(deps, new Date(now.getTime() - CLOUD_ANCHOR_WINDOW_MS).toISOString()).catch((err: unknown) =>
      console.error(`anchoring the chain heads failed: ${String(err)}`),
    )
  }
  return report
}
