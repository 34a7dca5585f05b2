// The timer-triggered cloud function that runs the clocks in CloudBase (config.json: every minute).
// It takes no input and answers to no client; the local host runs the same tick on a timer.
import { cloudDeps } from '../../runtime/cloud-deps'
import { tick, type TickReport } from '../../services/tick'

export async function main(): Promise<TickReport> {
  return tick(await cloudDeps(), new Date())
}
