// npm run bench (submit part, issue 13.1/13.2/13.8): a submit at 50 concurrent, side by side in one
// process run with what bounds it from above —
//   - a Fastify JSON hello over the same loopback (what the HTTP stack costs at best),
//   - a raw transaction of the same rows on the same store (the store's floor: counter, case, event,
//     outbox, three clocks, the shop's counters; one INSERT each, as a pgbench script would send them),
// on PGlite (a data dir in a temp dir) and on PostgreSQL when TEST_DATABASE_URL is set (a throwaway
// database on that server). Alternating rounds, medians. Then the round trips of each operation,
// counted (adapters/sql/query-counter.ts). Prints; writes bench/results.json ("submit"); asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { type SqlTarget } from '../cloudfunctions/adapters/sql/connect'
import { countInto, countRoundTrips, noRoundTrips, type RoundTrips } from '../cloudfunctions/adapters/sql/query-counter'
import { caseToRow, eventToRow, outboxToRow } from '../cloudfunctions/adapters/sql/row-mappers'
import { clockToRow } from '../cloudfunctions/adapters/sql/sql-clock-store'
import { systemClock } from '../cloudfunctions/adapters/system/system-clock'
import { FUNCTIONS } from '../cloudfunctions/functions/all-functions'
import { buildServer } from '../cloudfunctions/host/server'
import { dispatch } from '../cloudfunctions/runtime/dispatch'
import type { Deps } from '../cloudfunctions/services/context'
import { resolveCaller } from '../cloudfunctions/services/resolve-caller'
import { DEMO_MERCHANTS } from '../cloudfunctions/seed/demo-data'
import { clocksAfterEvent } from '../src/domain/clocks/case-clock'
import { aCase, anOutboxMessage, aSubmission, aSubmittedEvent } from '../tests/support/builders'
import { openBenchStore } from './bench-store'
import { load, median, saveBenchSection, throwawayPostgres, type LoadFigures } from './bench-results'

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const ROUND_WARMUP_SECONDS = 1
const POOL_MAX = Number(process.env.DB_POOL_MAX ?? 10) // the host's default (host-config.ts)
const NO_LIMITS = { lookupsPerMinute: 1e9, loginsPerMinute: 1e9, submitsPerMinute: 1e9, uploadsPerMinute: 1e9 }
const SHOP = DEMO_MERCHANTS[0]

async function openBench(target: SqlTarget) {
  const { db, vault, store, deps } = await openBenchStore(target, systemClock, mkdtempSync(join(tmpdir(), 'kuaisu-bench-files-')))
  await store.saveMerchant(SHOP)
  await store.maintain()
  return { db, vault, store, deps }
}
type Bench = Awaited<ReturnType<typeof openBench>>

let drafts = 0
// a number padded on the left: padded on the right, drafts 1, 10, 100 and 1000 had one key, and a
// subject that drew two of them had the second taken as a retry of the first (rolled back, no new case)
const submission = () => aSubmission(SHOP.code, { idempotencyKey: `bench-${process.pid}-${String(++drafts).padStart(9, '0')}` })

/** One phone per worker: its device cookie, replaced when the host rotates it after a filing. */
function httpSubmitter(base: string) {
  const cookies = new Map<number, string>()
  return async (worker: number) => {
    const cookie = cookies.get(worker)
    const res = await fetch(`${base}/api/consumer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(submission()),
    })
    const device = res.headers.getSetCookie().find((c) => c.startsWith('ks_device='))
    if (device) cookies.set(worker, device.split(';')[0])
    const body = (await res.json()) as { ok: boolean }
    return res.status === 200 && body.ok
  }
}

/** The same rows a filing writes, one plain INSERT each, in one transaction: what the store can do at best. */
function floorWriter({ db, vault, deps }: Bench) {
  let n = 0
  return async () => {
    const c = aCase(SHOP, { caseNo: `FL-${process.pid}-${++n}` })
    const e = aSubmittedEvent(c)
    const clocks = clocksAfterEvent(c.id, [], 'submitted', new Date(), { table: deps.calendar })
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('counters')
        .values({ name: 'bench-floor', value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: (eb) => eb('counters.value', '+', 1) }))
        .execute()
      await trx.insertInto('cases').values(caseToRow(vault, c)).execute()
      await trx.insertInto('case_events').values(eventToRow(e)).execute()
      await trx
        .insertInto('outbox')
        .values(outboxToRow(anOutboxMessage(c, e)))
        .execute()
      await trx.insertInto('case_clocks').values(clocks.map(clockToRow)).execute()
      await trx
        .insertInto('merchant_counters')
        .values({ merchant_id: SHOP.id, total: 1, open: 1 })
        .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ total: (eb) => eb('merchant_counters.total', '+', 1) }))
        .execute()
    })
    return true
  }
}

/** The submit without HTTP: the consumer function as the host calls it once it knows the caller. */
function serviceSubmitter(deps: Deps) {
  return async (worker: number) => {
    const caller = await resolveCaller(deps, { subject: `bench-shopper-${worker}` })
    const result = await dispatch(FUNCTIONS.consumer, submission(), { caller, deps })
    return result.ok
  }
}

async function sideBySide(name: string, target: SqlTarget) {
  const bench = await openBench(target)
  const app = await buildServer(bench.deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'warn', rateLimits: NO_LIMITS })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const hello = Fastify()
  hello.post('/hello', async () => ({ ok: true, data: { hello: '你好' } }))
  const helloBase = await hello.listen({ port: 0, host: '127.0.0.1' })
  const ops: Record<string, (worker: number) => Promise<boolean>> = {
    'fastify hello (HTTP)': async () => {
      const res = await fetch(`${helloBase}/hello`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      return res.status === 200 && ((await res.json()) as { ok: boolean }).ok
    },
    'submit (HTTP, the host)': httpSubmitter(base),
    'submit (in process, no HTTP)': serviceSubmitter(bench.deps),
    'raw transaction of the same rows': floorWriter(bench),
  }
  const runs: Record<string, LoadFigures[]> = Object.fromEntries(Object.keys(ops).map((k) => [k, []]))
  // warm up: caches, JIT, and each worker's device cookie (a phone's first request is not a submit)
  for (const op of Object.values(ops)) await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => op(w)))
  for (let round = 1; round <= ROUNDS; round++)
    for (const [label, op] of Object.entries(ops)) {
      // each round measures the steady state: without this second of the same load first, the first
      // ~20 HTTP submits after the previous round (sockets idle for seconds) took up to 2.8 s on PGlite,
      // one after another ~100 ms apart; the in-process submit and the raw transaction show no such start
      await load(CONCURRENCY, ROUND_WARMUP_SECONDS, op)
      runs[label].push(await load(CONCURRENCY, SECONDS, op))
      process.stdout.write('.')
    }
  const figures = Object.fromEntries(
    Object.entries(runs).map(([label, rs]) => [
      label,
      {
        perSecond: median(rs.map((r) => r.perSecond)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        max: Math.max(...rs.map((r) => r.max)),
        failures: rs.reduce((n, r) => n + r.failures, 0),
        rounds: rs,
      },
    ]),
  )
  const healthz = await healthzUnderLoad(base, serviceSubmitter(bench.deps))
  const trips = await roundTrips(bench)
  await hello.close()
  await app.close()
  await bench.store.close()
  return { name, figures, healthz, trips }
}

/**
 * GET /healthz one after another while the submit (in process) runs at full concurrency: whether the
 * host still reads and answers a request that needs no database while the database's queue is full
 * (adapters/sql/pglite-queue.ts lets the event loop turn between two holders of PGlite's connection).
 */
async function healthzUnderLoad(base: string, op: (worker: number) => Promise<boolean>) {
  let loading = true
  const latencies: number[] = []
  const probe = (async () => {
    while (loading) {
      const t = performance.now()
      await (await fetch(`${base}/healthz`)).text()
      latencies.push(performance.now() - t)
    }
  })()
  await load(CONCURRENCY, SECONDS, op)
  loading = false
  await probe
  return { answered: latencies.length, p50: Math.round(median(latencies)), max: Math.round(Math.max(...latencies)) }
}

/** Round trips of each operation, counted one at a time on a warm store. */
async function roundTrips(bench: Bench) {
  const summary = (t: RoundTrips) => ({ roundTrips: t.total, outsideTransaction: t.outsideTransaction, transactions: t.transactions })
  const counts: Record<string, ReturnType<typeof summary>> = {}
  // Fastify runs a request in its own async context: the count starts in an onRequest hook
  const app = await buildServer(bench.deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'warn', rateLimits: NO_LIMITS })
  let last = noRoundTrips()
  app.addHook('onRequest', (_request, _reply, done) => countInto((last = noRoundTrips()), done))
  const inject = async (cookie: string | undefined, body: object) => {
    const res = await app.inject({ method: 'POST', url: '/api/consumer', headers: cookie ? { cookie } : {}, payload: body })
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
    return res
  }
  const first = await inject(undefined, { action: 'getMerchantEntry', code: SHOP.code })
  const cookie = String(first.headers['set-cookie'] ?? '').split(';')[0]
  await inject(cookie, { action: 'getMerchantEntry', code: SHOP.code })
  counts['HTTP getMerchantEntry (known device)'] = summary(last)
  await inject(cookie, submission())
  counts['HTTP submitComplaint (known device)'] = summary(last)
  if (process.env.BENCH_SHOW_SQL) console.log(last.statements.join('\n'))
  await app.close()
  const caller = await resolveCaller(bench.deps, { subject: 'bench-counted' })
  const filing = submission()
  const filed = await countRoundTrips(() => dispatch(FUNCTIONS.consumer, filing, { caller, deps: bench.deps }))
  counts['submitComplaint (function, caller known)'] = summary(filed.trips)
  counts['submitComplaint retried (same draft)'] = summary(
    (await countRoundTrips(() => dispatch(FUNCTIONS.consumer, filing, { caller, deps: bench.deps }))).trips,
  )
  counts['resolveCaller (store not cached)'] = summary(
    (await countRoundTrips(() => resolveCaller(bench.deps, { subject: 'bench-counted' }))).trips,
  )
  return counts
}

function print({ name, figures, healthz, trips }: Awaited<ReturnType<typeof sideBySide>>) {
  const submit = figures['submit (HTTP, the host)']
  console.log(`\n== submit side by side, ${name}: ${CONCURRENCY} concurrent, ${ROUNDS} alternating rounds of ${SECONDS} s, medians`)
  for (const [label, f] of Object.entries(figures))
    console.log(
      `  ${label.padEnd(36)} ${String(f.perSecond).padStart(8)}/s   p50 ${String(f.p50).padStart(7)} ms   p99 ${String(f.p99).padStart(7)} ms   max ${String(f.max).padStart(7)} ms${f.failures ? `   ${f.failures} failed` : ''}`,
    )
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`
  console.log(`  submit (HTTP) / fastify hello          ${pct(submit.perSecond, figures['fastify hello (HTTP)'].perSecond)}`)
  console.log(`  submit (HTTP) / raw transaction        ${pct(submit.perSecond, figures['raw transaction of the same rows'].perSecond)}`)
  console.log(
    `  submit (in process) / raw transaction  ${pct(figures['submit (in process, no HTTP)'].perSecond, figures['raw transaction of the same rows'].perSecond)}`,
  )
  console.log(
    `  GET /healthz during ${SECONDS} s of in-process submits   ${healthz.answered} answered, p50 ${healthz.p50} ms, max ${healthz.max} ms`,
  )
  console.log(`-- round trips per operation (${name}): total (outside a transaction, transactions)`)
  for (const [label, t] of Object.entries(trips))
    console.log(`  ${label.padEnd(44)} ${String(t.roundTrips).padStart(3)}  (${t.outsideTransaction} outside, ${t.transactions} tx)`)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-submit-'))
  const results: Record<string, unknown> = {}
  try {
    const pglite = await sideBySide('PGlite', { kind: 'pglite', dataDir: join(dir, 'pg') })
    print(pglite)
    results.pglite = pglite
    const pg = await throwawayPostgres('ks_bench_submit', POOL_MAX)
    if (pg) {
      try {
        const postgres = await sideBySide(`PostgreSQL (pool ${POOL_MAX})`, pg.target)
        print(postgres)
        results.postgres = postgres
      } finally {
        await pg.drop()
      }
    } else console.log('\n(PostgreSQL: set TEST_DATABASE_URL to a server to bench it too)')
    saveBenchSection('submit', { concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, ...results })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
