import type { Deps } from '../services/context'
import { tick } from '../services/tick'

const EVERY_MS = 60_000

/**
 * The local host's stand-in for the timer-triggered `clock` cloud function: one tick a minute,
 * never two at once (a slow tick makes the next one wait instead of overlapping).
 */
export function startClockScheduler(deps: Deps, onError: (err: unknown) => void) {
  let running: Promise<void> | null = null
  const run = () => {
    if (running) return
    running = tick(deps, deps.clock.now())
      .then(() => undefined, onError)
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(run, EVERY_MS)
  timer.unref() // the timer alone must not keep the process alive
  run()
  return {
    /** Stop the timer and wait for a tick in flight, so the store is not closed under it. */
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
