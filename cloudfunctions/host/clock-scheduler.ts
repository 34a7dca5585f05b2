import type { Deps } from '../services/context'
import { dispatchOutbox } from '../services/notify/dispatch-outbox'
import type { NotifyChannels } from '../services/notify/notify-channels'
import { tick } from '../services/tick'

const TICK_EVERY_MS = 60_000
/** The merchant must hear within minutes: the outbox is emptied every few seconds. */
const DISPATCH_EVERY_MS = 5_000

/** Run `job` every `everyMs`, never two at once (a slow run makes the next one wait instead of overlapping). */
function repeat(everyMs: number, job: () => Promise<unknown>, onError: (err: unknown) => void) {
  let running: Promise<void> | null = null
  const run = () => {
    if (running) return
    running = job()
      .then(() => undefined, onError)
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(run, everyMs)
  timer.unref() // the timer alone must not keep the process alive
  run()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

/**
 * The local host's stand-ins for the timer-triggered `clock` and `notify` cloud functions: the
 * clocks tick once a minute, the outbox is dispatched every few seconds.
 */
export function startClockScheduler(deps: Deps, channels: NotifyChannels, onError: (err: unknown) => void) {
  const jobs = [
    repeat(TICK_EVERY_MS, () => tick(deps, deps.clock.now()), onError),
    repeat(DISPATCH_EVERY_MS, () => dispatchOutbox(deps, channels, deps.clock.now()), onError),
  ]
  return {
    /** Stop the timers and wait for runs in flight, so the store is not closed under them. */
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()))
    },
  }
}
