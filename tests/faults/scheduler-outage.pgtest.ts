import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { isDatabaseUnavailable } from '../../cloudfunctions/adapters/db-errors'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { startClockScheduler, type JobFailure, type JobName } from '../../cloudfunctions/host/clock-scheduler'
import { makeDeps, TEST_VAULT } from '../support/test-deps'
import { clusterFromEnv, createDatabase } from './fault-support'

// The scheduler's two jobs on a real PostgreSQL server that is stopped and started again: while it
// is away they fail with connection errors and wait longer each time (capped); once it is back they
// run again by themselves. Short periods keep it quick; the test waits for the jobs' own reports.
describe('the clock scheduler while PostgreSQL is away', () => {
  const cluster = clusterFromEnv()

  it('when the server stops, then both jobs back off; when it starts again, then both resume without help', async () => {
    const created = await createDatabase(cluster.adminUrl, 'ks_sched')
    const db = await connectSql({ kind: 'postgres', url: created.url, log: () => {} })
    await migrateToLatest(db)
    const events: ({ ok: true; job: JobName } | { ok: false; err: unknown; failure: JobFailure })[] = []
    let wake: () => void = () => {}
    const scheduler = startClockScheduler(
      makeDeps(sqlStore(db, TEST_VAULT)),
      {},
      (err, failure) => {
        events.push({ ok: false, err, failure })
        wake()
      },
      {
        tickEveryMs: 20,
        dispatchEveryMs: 20,
        maxBackoffMs: 160,
        onRun: (job) => {
          events.push({ ok: true, job })
          wake()
        },
      },
    )
    /** Wait for the jobs' reports (not for time) until `done` holds for those since `from`; bounded. */
    const until = async (from: number, done: (since: typeof events) => boolean) => {
      for (let i = 0; i < 5_000 && !done(events.slice(from)); i++) await new Promise<void>((resolve) => (wake = resolve))
      expect(done(events.slice(from))).toBe(true)
      return events.length
    }
    const failuresOf = (since: typeof events, job: JobName) => since.flatMap((e) => (!e.ok && e.failure.job === job ? [e.failure] : []))
    const succeeded = (since: typeof events, job: JobName) => since.some((e) => e.ok && e.job === job)
    try {
      const up = await until(0, (s) => succeeded(s, 'tick') && succeeded(s, 'dispatch'))
      await cluster.stop()
      const down = await until(up, (s) => failuresOf(s, 'tick').length >= 4 && failuresOf(s, 'dispatch').length >= 4)
      for (const job of ['tick', 'dispatch'] as const) {
        const failures = failuresOf(events.slice(up, down), job)
        expect(failures.slice(0, 4).map((f) => [f.failures, f.retryInMs])).toEqual([
          [1, 40],
          [2, 80],
          [3, 160],
          [4, 160],
        ])
      }
      expect(events.slice(up, down).every((e) => e.ok || isDatabaseUnavailable(e.err))).toBe(true)
      await cluster.resume()
      await until(down, (s) => succeeded(s, 'tick') && succeeded(s, 'dispatch'))
    } finally {
      await cluster.resume().catch(() => {}) // already running unless the test failed while it was down
      await scheduler.stop()
      await db.destroy()
      await created.drop()
    }
  })
})
