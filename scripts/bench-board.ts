// npm run bench (third part): the station board and the merchant inbox at 10k and 100k cases on PGlite,
// and at 10k, 100k and 1M on PostgreSQL when TEST_DATABASE_URL is set (issue 13). The cases are seeded
// with generate_series straight into the real schema (migrated as the host migrates it), then analysed
// as the host's maintenance job would. Prints p50/p95 per size side by side with the 10k figure and
// whether the board reached every open case. Asserts nothing (a benchmark is not a test).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql, type Kysely } from 'kysely'
import { Client } from 'pg'
import { connectSql, migrateToLatest, type SqlTarget } from '../cloudfunctions/adapters/sql/connect'
import type { Database } from '../cloudfunctions/adapters/sql/database'
import { caseToRow } from '../cloudfunctions/adapters/sql/row-mappers'
import { sqlStore } from '../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../cloudfunctions/adapters/system/aes-vault'
import type { Store } from '../cloudfunctions/ports/store'
import type { ServiceContext } from '../cloudfunctions/services/context'
import { getMerchantHome } from '../cloudfunctions/services/merchant-home'
import { getStationBoard } from '../cloudfunctions/services/station-board'
import { BoardFilterSchema } from '../src/domain/api/contract'
import type { Result } from '../src/domain/errors'
import { OPEN_STATUSES } from '../src/domain/workflow/transitions'
import { aCase, aMerchant, aSite } from '../tests/support/builders'
import { makeDeps } from '../tests/support/test-deps'

const NOW = new Date('2026-03-10T06:00:00.000Z')
const SITES = 10
const MERCHANTS = 200 // 20 a site
const RUNS = Number(process.env.BENCH_BOARD_RUNS ?? 200)
const WARMUP = 20
const vault = aesVault(new Uint8Array(32).fill(3))

/**
 * N cases over 10 sites and 200 shops, the newest last. One in 47 is open, each with a running response
 * clock due between 100 minutes ago and 500 from now (scattered, not in filing order); the closed
 * complaints carry a stopped one (on time or late). Every 10th case is a report. Columns the bench
 * does not vary take the values of one valid case (the tests' object mother), so a column another
 * migration adds is filled too.
 */
async function seed(db: Kysely<Database>, n: number) {
  const site = aSite({ id: 'bench-site-0' })
  const template = caseToRow(vault, aCase(aMerchant(site), { complainant: { name: '王小明', phone: '13812345678', address: '星河路1号' } }))
  for (let s = 0; s < SITES; s++)
    await db
      .insertInto('sites')
      .values({ id: `bench-site-${s}`, name: `站点${s}`, address: '路1号', hotline: '12315' })
      .execute()
  for (let m = 0; m < MERCHANTS; m++) {
    const merchant = aMerchant(aSite({ id: `bench-site-${m % SITES}` }), {
      id: `bench-m-${m}`,
      code: `BM${String(m).padStart(4, '0')}`,
      name: `商户${m}`,
    })
    await db
      .insertInto('merchants')
      .values({
        id: merchant.id,
        site_id: merchant.siteId,
        code: merchant.code,
        name: merchant.name,
        industry: '商超',
        address: '路1号',
        booth: '1F',
        contact_sealed: null,
      })
      .execute()
  }
  const varied: Record<string, ReturnType<typeof sql>> = {
    id: sql`'bc-' || g`,
    case_no: sql`'KS-B-' || lpad(g::text, 8, '0')`,
    kind: sql`case when g % 10 = 0 then 'report' else 'complaint' end`,
    site_id: sql`'bench-site-' || (g % ${SITES})`,
    merchant_id: sql`'bench-m-' || (g % ${MERCHANTS})`,
    merchant_name: sql`'商户' || (g % ${MERCHANTS})`,
    filed_by: sql`'bench-subject-' || g`,
    idempotency_key: sql`'bench-key-' || lpad(g::text, 16, '0')`,
    created_at: sql`${NOW}::timestamptz - (${n} - g) * interval '1 minute'`,
    updated_at: sql`${NOW}::timestamptz - (${n} - g) * interval '1 minute'`,
    status: sql`case when g % 47 = 0 then (case when g % 2 = 0 then 'with_merchant' else 'received' end) else 'closed' end`,
    outcome: sql`case when g % 47 = 0 then null when g % 3 = 0 then 'settled' else 'mediated' end`,
  }
  const open = sql`g % 47 = 0`
  const due = sql`${NOW}::timestamptz + ((g::bigint * 7919) % 600 - 100) * interval '1 minute'`
  const summary: Record<string, ReturnType<typeof sql>> = {
    next_clock_id: sql`case when ${open} then 'merchant_response' end`,
    next_due_at: sql`case when ${open} then ${due} else '9999-12-31T00:00:00Z'::timestamptz end`,
    next_remind_at: sql`case when ${open} then ${due} - interval '22 minutes' end`,
    next_urge_at: sql`case when ${open} then ${due} - interval '9 minutes' end`,
    next_explanation: sql`case when ${open} then '45分钟' end`,
    next_provisional: sql`case when ${open} then false end`,
  }
  const columns = [...Object.keys(template), ...Object.keys(summary)]
  const values = columns.map((c) => varied[c] ?? summary[c] ?? sql`${(template as Record<string, unknown>)[c]}`)
  await sql`insert into cases (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(values)} from generate_series(1, ${n}) g`.execute(db)
  // the response clocks: running on the open cases, stopped (on time, or late every 4th) on the closed complaints
  await sql`insert into case_clocks (case_id, clock_id, started_at, due_at, remind_at, urge_at, explanation, provisional, stage, next_check_at, stopped_at)
    select 'bc-' || g, 'merchant_response', d - interval '45 minutes', d, d - interval '22 minutes', d - interval '9 minutes', '45分钟', false,
      case when ${open} then 'running' else 'stopped' end,
      case when ${open} then d - interval '22 minutes' end,
      case when ${open} then null when g % 4 = 0 then d + interval '5 minutes' else d - interval '5 minutes' end
    from generate_series(1, ${n}) g,
      lateral (select case when ${open} then ${due} else ${NOW}::timestamptz - (${n} - g) * interval '1 minute' + interval '45 minutes' end as d) t
    where g % 10 <> 0`.execute(db)
  // the shops' counters, as migration 0013's backfill computes them
  await sql`insert into merchant_counters (merchant_id, total, open, closed, settled, response_started, response_on_time, response_late)
    select c.merchant_id, count(*),
      count(*) filter (where c.status in (${sql.join(OPEN_STATUSES)})),
      count(*) filter (where c.status = 'closed'),
      count(*) filter (where c.status = 'closed' and c.outcome = 'settled'),
      count(k.case_id),
      count(k.case_id) filter (where k.stopped_at is not null and k.stopped_at <= k.due_at),
      count(k.case_id) filter (where (k.stopped_at is not null and k.stopped_at > k.due_at) or (k.stopped_at is null and k.stage = 'overdue'))
    from cases c left join case_clocks k on k.case_id = c.id and k.clock_id = 'merchant_response'
    where c.kind = 'complaint' group by c.merchant_id`.execute(db)
}

// one set of deps per store (makeDeps makes temp dirs for files the board never touches)
const depsOf = new WeakMap<Store, ServiceContext['deps']>()
function benchDeps(store: Store) {
  const known = depsOf.get(store)
  if (known) return known
  const deps = makeDeps(store, NOW)
  depsOf.set(store, deps)
  return deps
}
const staffCtx = (store: Store, siteId: string | null): ServiceContext => ({
  caller: { memberships: [], staff: { staffId: 'bench', role: siteId ? 'station' : 'regulator', siteId, displayName: '站' } },
  deps: benchDeps(store),
})
const clerkCtx = (store: Store, merchantId: string): ServiceContext => ({
  caller: { subject: 'bench-clerk', memberships: [{ merchantId, siteId: 'bench-site-0' }] },
  deps: benchDeps(store),
})

async function timed(fn: () => Promise<Result<unknown>>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn()
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    const r = await fn()
    ms.push(performance.now() - t)
    if (!r.ok) throw new Error(`bench call failed: ${r.error.code}`)
  }
  ms.sort((a, b) => a - b)
  return { p50: ms[Math.floor(RUNS * 0.5)], p95: ms[Math.floor(RUNS * 0.95)] }
}

/** Page through a whole board (not timed): how many open cases it reaches, against how many there are. */
async function reach(store: Store, db: Kysely<Database>, siteId: string | null) {
  let cursor: string | undefined
  let seen = 0
  for (;;) {
    const r = await getStationBoard(staffCtx(store, siteId), BoardFilterSchema.parse({ cursor }))
    if (!r.ok) throw new Error(r.error.code)
    seen += r.data.items.length
    if (!r.data.nextCursor) break
    cursor = r.data.nextCursor
  }
  let q = db
    .selectFrom('cases')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', 'in', [...OPEN_STATUSES])
  if (siteId) q = q.where('site_id', '=', siteId)
  const { n } = await q.executeTakeFirstOrThrow()
  return `${seen} of ${n}`
}

const FIGURES = [
  ['board, station, first page', (s: Store) => getStationBoard(staffCtx(s, 'bench-site-3'), BoardFilterSchema.parse({}))],
  ['board, station, red only', (s: Store) => getStationBoard(staffCtx(s, 'bench-site-3'), BoardFilterSchema.parse({ colour: 'red' }))],
  [
    'board, station, text "KS-B-0000"',
    (s: Store) => getStationBoard(staffCtx(s, 'bench-site-3'), BoardFilterSchema.parse({ text: 'KS-B-0000' })),
  ],
  ['board, regulator (city), first page', (s: Store) => getStationBoard(staffCtx(s, null), BoardFilterSchema.parse({}))],
  ['merchant inbox (home)', (s: Store) => getMerchantHome(clerkCtx(s, 'bench-m-7'))],
] as const

type Row = { size: number; figures: { p50: number; p95: number }[]; reached: string[]; seedS: number }

async function measure(target: SqlTarget, n: number): Promise<Row> {
  const db = await connectSql(target)
  await migrateToLatest(db)
  const store = sqlStore(db, vault)
  try {
    const t0 = performance.now()
    await seed(db, n)
    await store.maintain() // what the host does after a bulk load, and hourly
    const seedS = (performance.now() - t0) / 1000
    const figures = []
    for (const [, fn] of FIGURES) figures.push(await timed(() => fn(store)))
    const reached = [await reach(store, db, 'bench-site-3'), await reach(store, db, null)]
    return { size: n, figures, reached, seedS }
  } finally {
    await store.close()
  }
}

function print(title: string, rows: Row[]) {
  const base = rows[0]
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)
  console.log('')
  console.log(`== ${title}: p50 / p95 in ms (×p95 of 10k)`)
  console.log(`  ${''.padEnd(38)}${rows.map((r) => k(r.size).padStart(24)).join('')}`)
  FIGURES.forEach(([label], i) => {
    const cells = rows.map((r) => {
      const f = r.figures[i]
      const ratio = r === base ? '' : ` ×${(f.p95 / base.figures[i].p95).toFixed(2)}`
      return `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)}${ratio}`.padStart(24)
    })
    console.log(`  ${label.padEnd(38)}${cells.join('')}`)
  })
  console.log(`  ${'open cases the station board reaches'.padEnd(38)}${rows.map((r) => r.reached[0].padStart(24)).join('')}`)
  console.log(`  ${'open cases the city board reaches'.padEnd(38)}${rows.map((r) => r.reached[1].padStart(24)).join('')}`)
  console.log(`  ${'seeding + ANALYZE (s)'.padEnd(38)}${rows.map((r) => r.seedS.toFixed(1).padStart(24)).join('')}`)
}

async function onPostgres(adminUrl: string, n: number): Promise<Row> {
  const name = `ks_bench_${randomBytes(4).toString('hex')}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  try {
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return await measure({ kind: 'postgres', url: url.toString() }, n)
  } finally {
    await admin.query(`drop database if exists ${name}`)
    await admin.end()
  }
}

async function main() {
  const pglite: Row[] = []
  for (const n of [10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-board-'))
    try {
      pglite.push(await measure({ kind: 'pglite', dataDir: join(dir, 'pg') }, n))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  print('board and inbox on PGlite', pglite)
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    console.log('  (PostgreSQL: set TEST_DATABASE_URL to measure 10k, 100k and 1M on a server)')
    return
  }
  const pg: Row[] = []
  for (const n of [10_000, 100_000, 1_000_000]) pg.push(await onPostgres(url, n))
  print('board and inbox on PostgreSQL', pg)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
