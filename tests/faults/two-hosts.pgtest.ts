import { sql, type Kysely } from 'kysely'
import { connectSql } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { wecomGroupRobot } from '../../cloudfunctions/adapters/wecom/wecom-webhook'
import { startClockScheduler, type JobName } from '../../cloudfunctions/host/clock-scheduler'
import type { NotifyChannels } from '../../cloudfunctions/services/notify/notify-channels'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { ContactRule } from '../../src/domain/notify/contact.schema'
import { aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { startJsonLoopback, type JsonLoopback } from '../support/json-loopback'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, sequentialIds, TEST_VAULT } from '../support/test-deps'
import { clusterFromEnv, createDatabase, withClient } from './fault-support'

const T0 = new Date('2026-03-10T06:00:00Z') // 14:00 Beijing, a working Tuesday
const CASES = 24
const ROLES = ['merchant', 'station', 'regulator'] as const
/** One WeCom group per role, so the robot key on the wire tells which recipient a message was for. */
const robotKeyOf = (role: string) => `robot-${role}-0001`
const CONTACTS: ContactRule[] = ROLES.map((role) => ({
  scope: { kind: 'default' },
  roles: [role],
  events: ['new_case', 'escalation', 'overdue', 'reminder', 'status_update'],
  channel: 'wecom',
  target: robotKeyOf(role),
}))

// Two hosts on one PostgreSQL, as two `npm start`s behind a load balancer would run: each with its
// own pool (its own connections, so the database sees two clients that race), its own ids and its
// own scheduler ticking the clocks and emptying the outbox. They run in this one test process so
// that the test can start them together, count every message on the wire and wait for events
// instead of time — the database, the only thing the two processes share, is real and shared.
// Every notification must reach the inbox and the work groups exactly once, and no clock alert twice.
describe('two hosts, one database', () => {
  const cluster = clusterFromEnv()
  let db: Awaited<ReturnType<typeof createDatabase>>
  let wecom: JsonLoopback
  const kyselies: Kysely<Database>[] = []

  beforeAll(async () => {
    db = await createDatabase(cluster.adminUrl, 'ks_two_hosts')
    wecom = await startJsonLoopback(() => ({ json: { errcode: 0, errmsg: 'ok' } }))
  })
  afterAll(async () => {
    await Promise.all(kyselies.map((k) => k.destroy()))
    await wecom?.close()
    await db?.drop()
  })

  const openHost = async (name: string) => {
    const k = await connectSql({ kind: 'postgres', url: db.url, poolMax: 4 })
    kyselies.push(k)
    await migrateToLatest(k) // both hosts migrate at boot, as they would
    const deps = { ...makeDeps(sqlStore(k, TEST_VAULT), T0), ids: sequentialIds(`host-${name}`) }
    const channels: NotifyChannels = { groupRobot: wecomGroupRobot({ baseUrl: wecom.baseUrl }), defaultContacts: CONTACTS }
    return { name, deps, channels }
  }

  it('when both tick the same overdue clocks and both dispatch the same outbox, then every message is delivered once per recipient and channel, and each alert exists once', async () => {
    const a = await openHost('a')
    const b = await openHost('b')
    const q = <T>(query: ReturnType<typeof sql<T>>) => query.execute(kyselies[0]).then((r) => r.rows)

    // cases filed and dispatched on host A at T0: each starts a 45-minute merchant response clock
    await seedTwoShops(a.deps.store)
    await a.deps.store.saveStaff({
      id: 'st',
      username: 'st',
      displayName: '站',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await a.deps.secrets.hashPassword('pw-123456'),
      createdAt: T0.toISOString(),
    })
    const login = await loginStaff(a.deps, 'st', 'pw-123456')
    if (!login.ok) throw new Error(login.error.code)
    const station = { subject: 'desk', staffSessionToken: login.data.token }
    for (let i = 0; i < CASES; i++) {
      const filed = await callAs(a.deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('two').padEnd(16, '0') }), {
        subject: unique('shopper'),
      })
      if (!filed.ok) throw new Error(filed.error.code)
      for (const caseAction of ['accept', 'dispatch']) {
        const r = await callAs(a.deps, 'station', { action: 'actOnCase', caseId: filed.data.caseId, caseAction }, station)
        if (!r.ok) throw new Error(r.error.code)
      }
    }

    // an hour later, on both hosts: every clock owes its reminder, urging and red card at once
    const later = new Date(T0.getTime() + 60 * 60_000)
    a.deps.clock.set(later)
    b.deps.clock.set(later)
    const runs: { host: string; job: JobName; report: { claimed?: number; advanced?: number } }[] = []
    let wake: () => void = () => {}
    const failures: unknown[] = []
    const schedulers = [a, b].map((h) =>
      startClockScheduler(
        h.deps,
        h.channels,
        (err) => {
          failures.push(err)
          wake()
        },
        {
          tickEveryMs: 2,
          dispatchEveryMs: 2,
          onRun: (job, report) => {
            runs.push({ host: h.name, job, report: report as { claimed?: number; advanced?: number } })
            wake()
          },
        },
      ),
    )
    // wait for quiet: nothing due or pending, and then one more empty run of every job on both hosts
    const quiet = async () => {
      const [{ pending }] = await q<{ pending: number }>(sql`select count(*)::int as pending from outbox where status <> 'done'`)
      const [{ due }] = await q<{ due: number }>(
        sql`select count(*)::int as due from case_clocks where next_check_at is not null and next_check_at <= ${later}`,
      )
      return pending === 0 && due === 0
    }
    let settledAt = -1
    for (let i = 0; i < 20_000; i++) {
      await new Promise<void>((resolve) => (wake = resolve)) // the next finished run, not a timer
      if (settledAt < 0 && (await quiet())) settledAt = runs.length
      if (
        settledAt >= 0 &&
        ['a', 'b'].every((h) =>
          (['tick', 'dispatch'] as const).every((j) => runs.slice(settledAt).some((r) => r.host === h && r.job === j)),
        )
      )
        break
    }
    await Promise.all(schedulers.map((s) => s.stop()))
    expect(settledAt).toBeGreaterThan(0)
    expect(failures).toEqual([])

    // each clock stage alerted once: reminder → merchant; urging → merchant, station; red → + regulator
    const alerts = await q<{ event_id: string; recipient_role: string; n: number }>(
      sql`select event_id, recipient_role, count(*)::int as n from outbox where template like 'clock.merchant_response.%'
          group by event_id, recipient_role`,
    )
    expect(alerts.filter((r) => r.n !== 1)).toEqual([])
    expect(alerts).toHaveLength(CASES * 6)

    // every outbox row reached the inbox once
    const [{ rows, entries }] = await q<{ rows: number; entries: number }>(
      sql`select (select count(*)::int from outbox) as rows, (select count(*)::int from inbox) as entries`,
    )
    expect(entries).toBe(rows)
    const twiceInInbox = await q(
      sql`select case_id, template, recipient_role, recipient_id from inbox group by 1, 2, 3, 4 having count(*) > 1`,
    )
    expect(twiceInInbox).toEqual([])

    // and each work-group message was posted once: per robot (recipient) and content (event)
    const posts = wecom.requests.filter((r) => r.path === '/cgi-bin/webhook/send')
    const perMessage = new Map<string, number>()
    for (const p of posts) perMessage.set(`${p.query.key}\u0000${p.rawBody}`, (perMessage.get(`${p.query.key}\u0000${p.rawBody}`) ?? 0) + 1)
    expect([...perMessage.values()].filter((n) => n !== 1)).toEqual([])
    const [{ sent }] = await q<{ sent: number }>(
      sql`select count(*)::int as sent from deliveries where channel = 'wecom' and status = 'sent'`,
    )
    expect(posts.length).toBe(sent)
    expect(new Set(posts.map((p) => p.query.key))).toEqual(new Set(ROLES.map(robotKeyOf)))
  })

  it('when one host is in the middle of claiming outbox rows, then the other claims only rows the first does not hold', async () => {
    const [a, b] = [await openHost('a2'), await openHost('b2')]
    const now = new Date(T0.getTime() + 2 * 60 * 60_000)
    a.deps.clock.set(now)
    for (let i = 0; i < 3; i++) {
      const filed = await callAs(a.deps, 'consumer', aSubmission(SHOP_A.code, { idempotencyKey: unique('claim').padEnd(16, '0') }), {
        subject: unique('shopper'),
      })
      if (!filed.ok) throw new Error(filed.error.code)
    }
    const lease = new Date(now.getTime() + 120_000).toISOString()
    await withClient(db.url, async (first) => {
      // host A's claim statement, caught before it commits: it holds its rows locked
      await first.query('begin')
      const held = await first.query<{ id: string }>(
        `update outbox set claimed_until = $2 where id in (
           select id from outbox where status = 'pending' and next_attempt_at <= $1 and (claimed_until is null or claimed_until < $1)
           order by next_attempt_at, position limit 2 for update skip locked) returning id`,
        [now, lease],
      )
      expect(held.rows).toHaveLength(2)
      let settled = false
      const second = b.deps.store.claimDueOutbox(now.toISOString(), lease, 50).finally(() => (settled = true))
      // host B's claim either returns at once or waits on A's row locks; either way, A commits next
      for (let i = 0; i < 2000 && !settled; i++) {
        const r = await first.query(
          "select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        )
        if (r.rows[0].n > 0) break
      }
      await first.query('commit')
      const taken = (await second).map((row) => row.id)
      expect(taken.filter((id) => held.rows.some((h) => h.id === id))).toEqual([])
      expect(taken.length).toBeGreaterThan(0)
    })
  })
})
