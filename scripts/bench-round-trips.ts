// npm run bench (round trips, issue 14.6): what one submit, one merchant answer and one tick cost in
// calls to the store, PGlite beside the CloudBase document store — PGlite's statements (each a round
// trip on PostgreSQL) and the HTTP requests the CloudBase adapter sends (each a round trip to
// CloudBase's database over the network), with each action kind, and the wall time of each on both.
// The CloudBase side runs against the tests' loopback server on 127.0.0.1: its wall time has no network
// in it, so the bench prints an estimate at a stated latency per request beside it, labelled as such.
// Prints; writes bench/results.json ("roundTrips"); asserts nothing (a benchmark is not a test).
import type { Result } from '../src/domain/errors'
import { tick } from '../cloudfunctions/services/tick'
import { SHOP_A } from '../tests/support/seed-shops'
import { DEFAULT_NOW } from '../tests/support/test-deps'
import { cloudbaseBackend, pgliteBackend, type Backend, type Measured } from './bench-round-trips-backends'
import { seedOpenCases } from './bench-round-trips-seed'
import { median, saveBenchSection } from './bench-results'

const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 2000)
const DUE = 100
const REPS = Number(process.env.BENCH_ROUND_TRIP_REPS ?? 5) // submits and answers timed; the median is printed
const LATENCY_MS = Number(process.env.BENCH_CLOUDBASE_LATENCY_MS ?? 20) // assumed, not measured: one request to CloudBase's database

interface Figures {
  count: number
  /** when the runs did not all send the same number */
  countRange?: [number, number]
  ms: number
  byKind: Record<string, number>
}
type Op = 'submit' | 'answer' | 'tick'
const LABELS: Record<Op, string> = {
  submit: 'submit (warm directory cache)',
  answer: 'merchant answer (case with the shop)',
  tick: `tick: ${DUE} due among ${OPEN_CASES.toLocaleString('en')} open`,
}

const round = (v: number) => Math.round(v * 10) / 10

function summarize(runs: Measured<unknown>[]): Figures {
  const counts = runs.map((r) => r.count)
  const [lo, hi] = [Math.min(...counts), Math.max(...counts)]
  return {
    count: counts[0],
    ...(lo !== hi ? { countRange: [lo, hi] } : {}),
    ms: round(median(runs.map((r) => r.ms))),
    byKind: runs[0].byKind,
  }
}

async function mustSucceed<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  const r = await call
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r
}

async function scenarios(b: Backend) {
  const { world } = b
  const { who } = world
  await world.file('bench-warm-up') // the process has read shop A and its site once: the directory cache is warm
  const submits: Measured<unknown>[] = []
  for (let i = 0; i < REPS; i++) submits.push(await b.measure(() => world.file(`bench-shopper-${i}`)))

  const answers: Measured<unknown>[] = []
  for (let i = 0; i < REPS; i++) {
    const caseId = await world.file(`bench-answered-${i}`)
    // the station's steps until the shop has it: none when a filing goes straight to its shop
    if ((await world.store.getCase(caseId))?.status === 'received') await mustSucceed(world.act('station', caseId, 'accept', who['st-a']))
    if ((await world.store.getCase(caseId))?.status === 'accepted') await mustSucceed(world.act('station', caseId, 'dispatch', who['st-a']))
    answers.push(await b.measure(() => mustSucceed(world.act('merchant', caseId, 'answer', who.clerkA, '全额退款'))))
  }

  const seedSeconds = await seedOpenCases(world.store, SHOP_A, DEFAULT_NOW, OPEN_CASES, DUE)
  await world.store.maintain()
  const ticked = await b.measure(() => tick(world.deps, DEFAULT_NOW))
  return {
    figures: { submit: summarize(submits), answer: summarize(answers), tick: summarize([ticked]) } satisfies Record<Op, Figures>,
    tickReport: ticked.result,
    seedSeconds: round(seedSeconds),
  }
}
type Outcome = Awaited<ReturnType<typeof scenarios>>

async function on(open: () => Promise<Backend>): Promise<Outcome> {
  const b = await open()
  try {
    return await scenarios(b)
  } finally {
    await b.close()
  }
}

const kinds = (by: Record<string, number>) =>
  Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
const countText = (f: Figures) => (f.countRange ? `${f.countRange[0]}–${f.countRange[1]}` : String(f.count))

function print(pg: Outcome, cb: Outcome) {
  const est = `est. @${LATENCY_MS} ms/req`
  console.log('')
  console.log(`== round trips: PGlite statements beside CloudBase requests (submit and answer: median ms of ${REPS} runs)`)
  console.log(
    `  ${'operation'.padEnd(38)}${'PGlite stmts'.padStart(13)}${'ms'.padStart(8)} │${'CloudBase reqs'.padStart(15)}${'loopback ms'.padStart(12)} │ ${est}`,
  )
  for (const op of ['submit', 'answer', 'tick'] as const) {
    const [p, c] = [pg.figures[op], cb.figures[op]]
    const estimate = `${c.count} × ${LATENCY_MS} ms = ${(c.count * LATENCY_MS).toLocaleString('en')} ms`
    console.log(
      `  ${LABELS[op].padEnd(38)}${countText(p).padStart(13)}${p.ms.toFixed(1).padStart(8)} │${countText(c).padStart(15)}${c.ms.toFixed(1).padStart(12)} │ ${estimate}`,
    )
  }
  for (const op of ['submit', 'answer', 'tick'] as const) {
    console.log(`  ${LABELS[op]}`)
    console.log(`    PGlite:    ${kinds(pg.figures[op].byKind)}`)
    console.log(`    CloudBase: ${kinds(cb.figures[op].byKind)}`)
  }
  console.log(
    `  tick moved: PGlite ${pg.tickReport.advanced} clocks, ${pg.tickReport.alerts} alerts; CloudBase ${cb.tickReport.advanced}, ${cb.tickReport.alerts}`,
  )
  console.log(
    `  seeding ${OPEN_CASES.toLocaleString('en')} open cases through createCase: PGlite ${pg.seedSeconds} s, CloudBase loopback ${cb.seedSeconds} s`,
  )
  console.log(`  every count includes resolveCaller's read of the caller's shop bindings, which a cloud function makes on each call`)
  console.log(`  NOTE: the loopback's ms is NOT CloudBase's. It is the SDK and an in-process server on 127.0.0.1: no network`)
  console.log(`  latency. On CloudBase each request is a round trip over the network; the last column is an ESTIMATE of`)
  console.log(
    `  that latency alone (requests, sent one after another, × an assumed ${LATENCY_MS} ms; BENCH_CLOUDBASE_LATENCY_MS), not a measurement.`,
  )
}

async function main() {
  const pg = await on(pgliteBackend)
  const cb = await on(cloudbaseBackend)
  print(pg, cb)
  const section = (o: Outcome) => ({ ...o.figures, tickReport: o.tickReport, seedSeconds: o.seedSeconds })
  saveBenchSection('roundTrips', {
    openCases: OPEN_CASES,
    due: DUE,
    reps: REPS,
    pglite: { unit: 'statements', ...section(pg) },
    cloudbaseLoopback: { unit: 'requests', note: 'loopback on 127.0.0.1: no network latency in ms', ...section(cb) },
    cloudbaseEstimate: {
      assumedLatencyMsPerRequest: LATENCY_MS,
      note: 'estimate: requests × assumed latency, requests sent one after another; not measured',
      submitMs: cb.figures.submit.count * LATENCY_MS,
      answerMs: cb.figures.answer.count * LATENCY_MS,
      tickMs: cb.figures.tick.count * LATENCY_MS,
    },
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
