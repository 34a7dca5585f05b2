import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import type { Store } from '../../cloudfunctions/ports/store'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'
import { TEST_VAULT } from '../support/test-deps'

// Issue 13.4: a late response is counted once, also when the shop answers past the due instant at
// the moment the tick marks the same clock overdue. The interleaving is forced, not hoped for: a
// second session holds the shop's counters row, so the tick stops right after moving the clock
// (holding it) and before counting; the answer then starts, and only when both wait is the row let go.
const DUE = '2026-03-10T02:45:00.000Z'
const ANSWERED = '2026-03-10T02:50:00.000Z'

describe('a late response under a concurrent tick (PostgreSQL)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL
  const name = `ks_test_${randomBytes(6).toString('hex')}`
  let store: Store
  let blocker: Client
  let watcher: Client // outside any transaction: inside one, pg_stat_activity is a snapshot that never changes
  beforeAll(async () => {
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (see .ci/run)')
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    store = await openSqlStore({ kind: 'postgres', url: url.toString() }, TEST_VAULT)
    blocker = new Client({ connectionString: url.toString() })
    await blocker.connect()
    watcher = new Client({ connectionString: url.toString() })
    await watcher.connect()
  })
  afterAll(async () => {
    await blocker?.end()
    await watcher?.end()
    await store?.close()
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.end()
  })

  /** Sessions of this database waiting for a lock; asked again until `n` wait (no timers). */
  const untilWaiting = async (n: number) => {
    for (let tries = 0; tries < 100_000; tries++) {
      const r = await watcher.query(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [
        name,
      ])
      if (r.rows[0].n >= n) return
    }
    throw new Error(`never saw ${n} sessions waiting`)
  }

  it('when the shop answers late while the tick is marking the clock overdue, then the late response counts once', async () => {
    const site = aSite()
    const merchant = aMerchant(site)
    await store.saveSite(site)
    await store.saveMerchant(merchant)
    const c = aCase(merchant, { status: 'with_merchant' })
    const clock: CaseClock = {
      caseId: c.id,
      clockId: 'merchant_response',
      startedAt: '2026-03-10T02:00:00.000Z',
      dueAt: DUE,
      remindAt: '2026-03-10T02:22:30.000Z',
      urgeAt: '2026-03-10T02:36:00.000Z',
      explanation: '45分钟',
      provisional: false,
      stage: 'urged',
      nextCheckAt: DUE,
      stoppedAt: null,
    }
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, [clock])

    await blocker.query('begin')
    await blocker.query('select * from merchant_counters where merchant_id = $1 for update', [merchant.id])
    const ticked = store.advanceClock({ ...clock, stage: 'overdue', nextCheckAt: null }, 'urged', [])
    await untilWaiting(1) // the tick moved the clock and waits to count
    const answered = store.applyChange({
      caseId: c.id,
      expectedVersion: c.version,
      next: { ...c, status: 'merchant_answered', updatedAt: ANSWERED },
      event: aSubmittedEvent(c, { id: unique('event'), seq: 2, type: 'answered', at: ANSWERED }),
      outbox: [],
      clocks: [{ ...clock, stage: 'stopped', stoppedAt: ANSWERED, nextCheckAt: null }],
    })
    await untilWaiting(2) // the answer waits for the clock the tick holds
    await blocker.query('commit')
    expect(await ticked).toBe(true)
    await answered

    expect(await store.countMerchantCases(merchant.id)).toMatchObject({ responseStarted: 1, responseOnTime: 0, responseLate: 1 })
  })
})
