// npm run bench (tick part): the tick's cost with many open cases and few due (issue 4; issue 13.5: goal
// < 50 ms for 100 due among 100k open), its round trips, and the dispatcher's throughput into the inbox
// (issue 6), on an embedded PGlite in a temp dir, and on PostgreSQL when TEST_DATABASE_URL is set. Prints figures and writes them to bench/results.json
// ("tick"); asserts nothing (a benchmark is not a test).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type SqlTarget } from '../cloudfunctions/adapters/sql/connect'
import { countRoundTrips, type RoundTrips } from '../cloudfunctions/adapters/sql/query-counter'
import { caseToRow } from '../cloudfunctions/adapters/sql/row-mappers'
import { fixedClock } from '../cloudfunctions/adapters/system/system-clock'
import { dispatchOutbox } from '../cloudfunctions/services/notify/dispatch-outbox'
import { tick } from '../cloudfunctions/services/tick'
import { DEMO_MERCHANTS } from '../cloudfunctions/seed/demo-data'
import type { Case } from '../src/domain/case.schema'
import type { Merchant } from '../src/domain/merchant.schema'
import { aCase } from '../tests/support/builders'
import { openBenchStore } from './bench-store'
import { saveBenchSection, throwawayPostgres } from './bench-results'

const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 100_000)
const DUE = 100
const BATCH = 1000
const NOW = new Date('2026-03-10T06:00:00Z')

async function main() {
  const figures: Record<string, unknown> = {}
  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-tick-'))
  try {
    figures.pglite = await benchOn('PGlite', { kind: 'pglite', dataDir: join(dir, 'pg') }, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const pg = await throwawayPostgres('ks_bench_tick')
  if (pg) {
    const files = mkdtempSync(join(tmpdir(), 'kuaisu-bench-tick-'))
    try {
      figures.postgres = await benchOn('PostgreSQL', pg.target, files)
    } finally {
      await pg.drop()
      rmSync(files, { recursive: true, force: true })
    }
  }
  saveBenchSection('tick', { openCases: OPEN_CASES, due: DUE, ...figures })
}

async function benchOn(name: string, target: SqlTarget, dir: string) {
  {
    const { db, vault, store, deps } = await openBenchStore(target, fixedClock(NOW), join(dir, 'files'))
    const shop = DEMO_MERCHANTS[0]
    await store.saveMerchant(shop)

    const t0 = performance.now()
    for (let start = 0; start < OPEN_CASES; start += BATCH) {
      const cases: Case[] = []
      for (let i = start; i < Math.min(start + BATCH, OPEN_CASES); i++) cases.push(benchCase(shop))
      await db
        .insertInto('cases')
        .values(cases.map((c) => caseToRow(vault, c)))
        .execute()
      // every case has a running clock; only the first DUE are due now, the rest next week
      await db
        .insertInto('case_clocks')
        .values(
          cases.map((c, k) => {
            const due = start + k < DUE
            const next = due ? '2026-03-10T05:59:00.000Z' : '2026-03-17T06:00:00.000Z'
            return {
              case_id: c.id,
              clock_id: 'merchant_response',
              started_at: '2026-03-10T05:00:00.000Z',
              due_at: next,
              remind_at: next,
              urge_at: next,
              explanation: 'bench',
              provisional: false,
              stage: 'running',
              next_check_at: next,
              stopped_at: null,
            }
          }),
        )
        .execute()
    }
    const seedMs = performance.now() - t0

    await store.maintain() // as the host does after its migrations and periodically: plans for the seeded tables
    const timedTick = async () => {
      const s = performance.now()
      const counted = await countRoundTrips(() => tick(deps, NOW))
      return { ms: performance.now() - s, ...counted }
    }
    const first = await timedTick()
    const again = await timedTick() // the same instant: nothing is due any more
    const runs = [first.ms, again.ms]
    const alerts = first.result.alerts + again.result.alerts
    const trips: RoundTrips = first.trips
    const d0 = performance.now()
    const dispatched = await dispatchOutbox(deps, {}, NOW, { batch: 100 })
    const dispatchMs = performance.now() - d0

    console.log('')
    console.log(`== tick and dispatcher on ${name} (${OPEN_CASES.toLocaleString('en')} open cases, ${DUE} due)`)
    console.log(`  seeding (batched inserts)              ${(seedMs / 1000).toFixed(1)} s`)
    console.log(`  tick, first run (${DUE} due, ${alerts} alerts queued)  ${runs[0].toFixed(0)} ms`)
    // the seeded clocks are shops' response clocks run out: each such case is escalated to the station
    // in the same tick (services/escalate-silent.ts), one case step apiece — part of the figure above
    console.log(`    of which silent shops escalated      ${first.result.escalated} cases (one case step each)`)
    console.log(`  tick, same instant again (nothing due) ${runs[1].toFixed(1)} ms`)
    console.log(`  tick round trips (${DUE} due)             ${trips.total} (${trips.transactions} transactions), each:`)
    trips.statements.forEach((q, i) =>
      console.log(`    ${trips.elapsedMs[i].toFixed(1).padStart(6)} ms  ${q.replace(/\s+/g, ' ').slice(0, 90)}`),
    )
    console.log(
      `  dispatcher: ${dispatched.delivered} notifications to the inbox  ${dispatchMs.toFixed(0)} ms (${((dispatched.delivered / dispatchMs) * 1000).toFixed(0)}/s)`,
    )
    await store.close()
    return {
      tickMs: Math.round(runs[0] * 10) / 10,
      tickAgainMs: Math.round(runs[1] * 10) / 10,
      alerts,
      roundTrips: trips.total,
      statementMs: trips.elapsedMs.map((ms) => Math.round(ms * 10) / 10),
      dispatcher: { delivered: dispatched.delivered, ms: Math.round(dispatchMs) },
    }
  }
}

/** An open case at the shop (the tests' object mother, so the bench and the tests agree on a valid case). */
const benchCase = (merchant: Merchant) =>
  aCase(merchant, { status: 'with_merchant', createdAt: '2026-03-10T05:00:00.000Z', updatedAt: '2026-03-10T05:00:00.000Z' })

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
