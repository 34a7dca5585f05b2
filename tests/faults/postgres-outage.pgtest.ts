import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bootHost, type RunningHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { DEMO_MERCHANTS } from '../../cloudfunctions/seed/demo-data'
import { aSubmission, unique } from '../support/builders'
import { browserLike } from '../support/http-client'
import { clusterFromEnv, createDatabase, freePort, submitOnce, withClient, type Outcome } from './fault-support'

// The whole host as `npm start` runs it (bootHost: config → pool → scheduler → HTTP) on a real
// PostgreSQL server that goes away under it: backends terminated, the server stopped and started,
// restarted. The host must stay up, answer 503 + Retry-After + SERVICE_UNAVAILABLE while the
// database is away (never 500), lose no acknowledged case, and file cases again once it is back.
describe('the host when PostgreSQL goes away', () => {
  const cluster = clusterFromEnv()
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-fault-'))
  const lost: string[] = []
  let db: Awaited<ReturnType<typeof createDatabase>>
  let host: RunningHost
  let base: string
  const acknowledged: string[] = []
  const outcomes: Outcome[] = []
  const shop = DEMO_MERCHANTS[0].code
  const consoleError = console.error

  beforeAll(async () => {
    console.error = (line: unknown) => lost.push(String(line)) // the pool's "[db] connection lost" lines
    db = await createDatabase(cluster.adminUrl, 'ks_fault')
    const port = await freePort()
    const parsed = parseHostConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      H5_DIR: join(dataDir, 'no-h5'),
      LOG_LEVEL: 'silent',
      DB_POOL_MAX: '4',
      SUBMITS_PER_MINUTE: '100000', // this test files hundreds of cases from one address on purpose
    })
    if (!parsed.ok) throw new Error(parsed.problems.join())
    host = await bootHost(parsed.config, () => {})
    base = `http://127.0.0.1:${port}`
  })
  afterAll(async () => {
    await cluster.resume().catch(() => {}) // already running unless a test failed while it was down
    await host?.close()
    await db?.drop()
    rmSync(dataDir, { recursive: true, force: true })
    console.error = consoleError
  })

  /** One submit by a browser (new or given), remembered; an acknowledged one by its case number. */
  const submit = async (browser = browserLike(base)) => {
    const o = await submitOnce(browser, aSubmission(shop, { idempotencyKey: unique('fault').padEnd(16, '0') }))
    outcomes.push(o)
    if (o.caseNo) acknowledged.push(o.caseNo)
    return o
  }
  /** Submit until one is acknowledged — a bounded number of tries, no waiting in between. */
  const submitUntilAcknowledged = async (tries = 200) => {
    for (let i = 0; i < tries; i++) if ((await submit()).status === 200) return i + 1
    throw new Error(`no submit succeeded in ${tries} tries`)
  }
  /** Submits from three browsers, one after another each, until `done()` (or a bound) — load during a fault. */
  const underLoad = async <T>(fault: () => Promise<T>, bound = 150) => {
    let done = false
    const loop = async () => {
      const browser = browserLike(base)
      for (let i = 0; i < bound && !done; i++) await submit(browser)
    }
    const loops = [loop(), loop(), loop()]
    try {
      return await fault()
    } finally {
      done = true
      await Promise.all(loops)
    }
  }
  const answersWhileAway = () => outcomes.filter((o) => o.status !== 200)

  it('when the database is there, then submits over HTTP are acknowledged with a case number', async () => {
    for (let i = 0; i < 3; i++) expect(await submit()).toMatchObject({ status: 200, code: null })
  })

  it('when every backend is terminated while a submit is inside the database, then that submit answers 503 with Retry-After and the next one succeeds', async () => {
    await withClient(db.url, async (admin) => {
      // hold the cases table so that submits are certainly inside the database when the backends die
      await admin.query('begin')
      await admin.query('lock table cases in share mode')
      const inFlight = submit()
      let waiting = 0
      for (let i = 0; i < 2000 && waiting < 1; i++) {
        const r = await admin.query(
          "select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
        )
        waiting = r.rows[0].n
      }
      expect(waiting).toBe(1)
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
      await admin.query('rollback')
      expect(await inFlight).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5', caseNo: null })
    })
    // each dead pooled connection fails at most one request and is then discarded: at most DB_POOL_MAX (4) before one succeeds
    expect(await submitUntilAcknowledged()).toBeLessThanOrEqual(5)
  })

  it('when all backends are terminated under load, then every answer is 200 or a retryable 503, never 500', async () => {
    const before = outcomes.length
    await underLoad(async () => {
      for (let i = 0; i < 3; i++) {
        await withClient(cluster.adminUrl, (c) =>
          c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [db.name]),
        )
      }
    })
    expect(outcomes.length).toBeGreaterThan(before)
    await submitUntilAcknowledged()
  })

  it('when PostgreSQL is stopped, then submits answer 503 with Retry-After; when it is started again, then submits succeed again', async () => {
    await underLoad(() => cluster.stop())
    const whileDown = [await submit(), await submit(browserLike(base))]
    for (const o of whileDown) expect(o).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5', caseNo: null })
    await cluster.resume()
    await submitUntilAcknowledged()
  })

  it('when PostgreSQL restarts under load, then the host stays up and submits succeed afterwards', async () => {
    await underLoad(() => cluster.restart())
    await submitUntilAcknowledged()
  })

  it('when it is all over, then nothing was answered with 500, every 503 said retry, and every acknowledged case is in the database', async () => {
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([])
    for (const o of answersWhileAway()) expect(o).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: '5' })
    expect(answersWhileAway().length).toBeGreaterThanOrEqual(3)
    // each lost connection was logged as one line with its code, nothing from the request or the connection string
    expect(lost.length).toBeGreaterThan(0)
    for (const line of lost) expect(line).toMatch(/^\[db\] connection lost: (57P01 |ECONNRESET |Connection terminated)/)
    const stored = await withClient(db.url, async (c) => (await c.query('select case_no from cases')).rows.map((r) => r.case_no as string))
    expect(acknowledged.length).toBeGreaterThan(5)
    expect(acknowledged.filter((n) => !stored.includes(n))).toEqual([])
  })
})
