import type { Deps } from '../services/context'
import { dispatchOutbox } from '../services/notify/dispatch-outbox'
import type { NotifyChannels } from '../services/notify/notify-channels'
import { removeUnclaimedUploads } from '../services/remove-unclaimed-uploads'
import { maintainStore } from '../services/store-maintenance'
import { rollPublicFigures } from '../services/public-figures-pass'
import { runTickJob } from '../services/after-tick'

export type JobName = 'tick' | 'dispatch' | 'anchor' | 'cleanup' | 'maintain' | 'publish' // publish: public-figures-pass.ts; anchor: chain-anchor-job.ts; cleanup: remove-unclaimed-uploads.ts; maintain: store-maintenance.ts

export interface SchedulerOptions {
  tickEveryMs?: number
  /** The merchant must hear within minutes: the outbox is emptied every few seconds. */
  dispatchEveryMs?: number
  /** Uploads no case claimed within a day are removed once an hour. */
  cleanupEveryMs?: number
  /** The store's planner statistics are refreshed once an hour (PGlite has no autovacuum). */
  maintainEveryMs?: number
  /** The published figures (投诉信息公示) are rolled from the shops' counters once an hour. */
  publishEveryMs?: number
  /** Longest wait between tries while a job keeps failing (the database is down). */
  maxBackoffMs?: number
  /** Told after every run that succeeded (tests wait on it instead of sleeping). */
  onRun?: (job: JobName, report: unknown) => void
}

export interface JobFailure {
  job: JobName
  /** failures in a row, this one included */
  failures: number
  retryInMs: number
}

const DEFAULTS = {
  tickEveryMs: 60_000,
  dispatchEveryMs: 5_000,
  cleanupEveryMs: 3_600_000,
  maintainEveryMs: 3_600_000,
  publishEveryMs: 3_600_000,
  maxBackoffMs: 120_000,
}

/**
 * The wait before the next run: the job's period while it succeeds; after failures in a row the
 * period doubles each time, capped — a database that is down is not hammered, and once it is back
 * the jobs resume on their own within the cap.
 */
export function delayAfter(failures: number, everyMs: number, maxBackoffMs: number): number {
  if (failures === 0) return everyMs
  return Math.min(everyMs * 2 ** failures, Math.max(maxBackoffMs, everyMs))
}

/**
 * Run `job` now and then again `delayAfter(...)` after each run ENDS: a chain of timeouts, so a
 * slow run makes the next one wait instead of overlapping it.
 */
export function repeatWithBackoff(
  name: JobName,
  everyMs: number,
  maxBackoffMs: number,
  job: () => Promise<unknown>,
  onError: (err: unknown, failure: JobFailure) => void,
  onRun?: (job: JobName, report: unknown) => void,
) {
  let failures = 0
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  const run = () => {
    running = job()
      .then(
        (report) => {
          failures = 0
          onRun?.(name, report)
        },
        (err: unknown) => {
          failures++
          onError(err, { job: name, failures, retryInMs: delayAfter(failures, everyMs, maxBackoffMs) })
        },
      )
      .finally(() => {
        running = null
        if (stopped) return
        timer = setTimeout(run, delayAfter(failures, everyMs, maxBackoffMs))
        timer.unref() // the timer alone must not keep the process alive
      })
  }
  run()
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

/**
 * The local host's stand-ins for the timer-triggered `clock` and `notify` cloud functions: the
 * clocks tick once a minute, the outbox is dispatched every few seconds. Several hosts may run this
 * against one PostgreSQL: the outbox is claimed row by row (SKIP LOCKED) and each clock stage is
 * claimed by a conditional update, so nothing is sent or alerted twice.
 */
export function startClockScheduler(
  deps: Deps,
  channels: NotifyChannels,
  onError: (err: unknown, failure: JobFailure) => void,
  options: SchedulerOptions = {},
) {
  const { tickEveryMs, dispatchEveryMs, cleanupEveryMs, maintainEveryMs, publishEveryMs, maxBackoffMs } = { ...DEFAULTS, ...options }
  const jobs = [
    repeatWithBackoff('tick', tickEveryMs, maxBackoffMs, () => runTickJob(deps, deps.clock.now()), onError, options.onRun),
    repeatWithBackoff(
      'dispatch',
      dispatchEveryMs,
      maxBackoffMs,
      () => dispatchOutbox(deps, channels, deps.clock.now()),
      onError,
      options.onRun,
    ),
    repeatWithBackoff(
      'cleanup',
      cleanupEveryMs,
      maxBackoffMs,
      () => removeUnclaimedUploads(deps, deps.clock.now()),
      onError,
      options.onRun,
    ),
    repeatWithBackoff('maintain', maintainEveryMs, maxBackoffMs, () => maintainStore(deps), onError, options.onRun),
    repeatWithBackoff('publish', publishEveryMs, maxBackoffMs, () => rollPublicFigures(deps, deps.clock.now()), onError, options.onRun),
  ]
  return {
    /** Stop the timers and wait for runs in flight, so the store is not closed under them. */
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()))
    },
  }
}
