// npm run bench (issue 18 "Done when"): the statistics page's queries at 10k, 100k and 1M cases on PostgreSQL.
// The server: TEST_DATABASE_URL or DATABASE_URL when set (a database of its own per size), else a throwaway
// cluster started as .ci/pg-cluster.sh does (needs the server binaries and root for runuser).
// The statistics are NOT made through the services (a million filings would take hours): bench-stats-world.ts
// loads synthetic ones straight into the cube and filer tables (not the per-case contributions: the page does
// not read them). Each of the page's questions (bench-stats-questions.ts) runs through the store's own methods
// ~50 times; p50/p95 in ms, side by side per size, and the ratio 1M / 10k of the p50.
// Every size is loaded first, then measured INTERLEAVED (each run of a question goes 10k, 100k, 1M in turn),
// twice (two passes): on a shared machine whose load changes by the minute, a size measured minutes after
// another would otherwise compare two machines. docs/statistics-scale.md reads the figures.
// Options: BENCH_STATS_SIZES=10000,100000; BENCH_STATS_PASSES=2; BENCH_STATS_QUESTIONS=<regex> (only those);
// BENCH_STATS_KEEP=1 keeps the loaded databases (bench_stats_<n>) and reuses them on the next run;
// BENCH_STATS_BASELINE=<another checkout> times that checkout's SQL statistics store too, on the same
// databases, interleaved (before/after a change); BENCH_STATS_EXPLAIN=1 logs the regulator's plans (bench-stats-explain.ts).
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import { Client } from 'pg'
import { connectSql, migrateToLatest } from '../cloudfunctions/adapters/sql/connect'
import type { Database } from '../cloudfunctions/adapters/sql/database'
import { sqlStatsStore } from '../cloudfunctions/adapters/sql/sql-stats-store'
import type { StatsStore } from '../cloudfunctions/ports/stats-store'
import { saveBenchSection } from './bench-results'
import { explainRegulator } from './bench-stats-explain'
import { QUERIES, type Question } from './bench-stats-questions'
import { loadSyntheticStats } from './bench-stats-world'

const SIZES = [10_000, 100_000, 1_000_000]
const RUNS = 50
const WARM_UP = 3

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const round = (ms: number) => Math.round(ms * 100) / 100

interface World {
  n: number
  url: string
  db: Kysely<Database>
  loadSeconds: number | null
  rows: Record<string, number>
}
type Figures = Record<string, { p50: number; p95: number; rows: number }>

async function openWorld(base: string, n: number, keep: boolean): Promise<World> {
  const name = keep ? `bench_stats_${n}` : `bench_stats_${process.pid}_${n}`
  const admin = new Client({ connectionString: base })
  await admin.connect()
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
  if (!exists) await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  const db = await connectSql({ kind: 'postgres', url: url.toString() })
  await migrateToLatest(db)
  if (exists) {
    const rows = await loadSyntheticStats(db, 0) // nothing added: the counts of what an earlier run loaded
    console.log(`  ${n.toLocaleString('en')} cases: reused ${name}, rows per cube ${JSON.stringify(rows)}`)
    return { n, url: url.toString(), db, loadSeconds: null, rows }
  }
  const t0 = performance.now()
  const rows = await loadSyntheticStats(db, n)
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10
  console.log(`  ${n.toLocaleString('en')} cases: loaded in ${loadSeconds} s, rows per cube ${JSON.stringify(rows)}`)
  return { n, url: url.toString(), db, loadSeconds, rows }
}

/** One pass: each question, each run, every size in turn (and every store in turn). */
async function measurePass(worlds: World[], stores: Record<string, (db: Kysely<Database>) => StatsStore>, questions: [string, Question][]) {
  const figures: Record<string, Record<number, Figures>> = {}
  for (const label of Object.keys(stores)) figures[label] = Object.fromEntries(worlds.map((w) => [w.n, {}]))
  const handles = Object.entries(stores).flatMap(([label, make]) => worlds.map((w) => ({ label, n: w.n, stats: make(w.db) })))
  for (const [name, q] of questions) {
    const times = handles.map(() => [] as number[])
    const answered = handles.map(() => 0)
    for (let run = 0; run < RUNS + WARM_UP; run++)
      for (const [i, h] of handles.entries()) {
        const t = performance.now()
        answered[i] = await q(h.stats)
        if (run >= WARM_UP) times[i].push(performance.now() - t)
      }
    for (const [i, h] of handles.entries()) {
      const sorted = [...times[i]].sort((a, b) => a - b)
      figures[h.label][h.n][name] = { p50: round(pct(sorted, 50)), p95: round(pct(sorted, 95)), rows: answered[i] }
    }
  }
  return figures
}

function print(label: string, worlds: World[], byN: Record<number, Figures>, questions: [string, Question][]) {
  const first = worlds[0].n
  const last = worlds[worlds.length - 1].n
  console.log(
    `\n  [${label}] query (p50 / p95 ms, rows answered) | ${worlds.map((w) => w.n.toLocaleString('en')).join(' | ')} | ${last / 1000}k/${first / 1000}k p50`,
  )
  for (const [name] of questions) {
    const cells = worlds.map((w) => `${byN[w.n][name].p50} / ${byN[w.n][name].p95} (${byN[w.n][name].rows})`)
    console.log(`  ${name} | ${cells.join(' | ')} | ×${(byN[last][name].p50 / byN[first][name].p50).toFixed(2)}`)
  }
  // The five chart questions are the page the goal was set for; the repeat counts are shown apart: they
  // are read flat (one row per period) but the database still tallies every filer row of the range.
  const sum = (n: number, who: string, withRepeats: boolean, p: 'p50' | 'p95') =>
    questions.filter(([q]) => q.startsWith(who) && (withRepeats || !q.includes('repeat'))).reduce((s, [q]) => s + byN[n][q][p], 0)
  for (const who of ['station', 'regulator'])
    for (const withRepeats of [false, true]) {
      if (!questions.some(([q]) => q.startsWith(who) && (withRepeats || !q.includes('repeat')))) continue
      const cells = worlds.map((w) => `${sum(w.n, who, withRepeats, 'p50').toFixed(2)} / ${sum(w.n, who, withRepeats, 'p95').toFixed(2)}`)
      const ratio = sum(last, who, withRepeats, 'p50') / sum(first, who, withRepeats, 'p50')
      console.log(
        `  ${who}'s page, ${withRepeats ? 'all six questions' : 'its five chart questions'}, p50 / p95 summed: ${cells.join(' | ')} ms — ×${ratio.toFixed(2)}${withRepeats ? '' : ' (goal: within ×1.5)'}`,
      )
    }
}

async function server(): Promise<{ url: string; stop: () => void }> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
  if (given) return { url: given, stop: () => {} }
  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-stats-pg-'))
  const out = execFileSync('bash', ['.ci/pg-cluster.sh', 'start', dir], { encoding: 'utf8' })
  const url = /TEST_DATABASE_URL=(\S+)/.exec(out)?.[1]
  if (!url) throw new Error(`could not start PostgreSQL: ${out}`)
  return { url, stop: () => execFileSync('bash', ['.ci/pg-cluster.sh', 'stop', dir]) }
}

async function baselineStore(dir: string): Promise<(db: Kysely<Database>) => StatsStore> {
  const mod = (await import(resolve(dir, 'cloudfunctions/adapters/sql/sql-stats-store.ts'))) as { sqlStatsStore: typeof sqlStatsStore }
  return mod.sqlStatsStore
}

async function main() {
  console.log('statistics queries on PostgreSQL (cube rows loaded directly from synthetic CaseFacts, not through the services)')
  const keep = process.env.BENCH_STATS_KEEP === '1'
  const passes = Number(process.env.BENCH_STATS_PASSES ?? 2)
  const only = process.env.BENCH_STATS_QUESTIONS ? new RegExp(process.env.BENCH_STATS_QUESTIONS) : null
  const questions = QUERIES.filter(([name]) => !only || only.test(name))
  const stores: Record<string, (db: Kysely<Database>) => StatsStore> = { this: sqlStatsStore }
  if (process.env.BENCH_STATS_BASELINE) stores.baseline = await baselineStore(process.env.BENCH_STATS_BASELINE)
  const pg = await server()
  const worlds: World[] = []
  try {
    for (const n of (process.env.BENCH_STATS_SIZES ?? SIZES.join(',')).split(',').map(Number)) worlds.push(await openWorld(pg.url, n, keep))
    const results = []
    for (let pass = 1; pass <= passes; pass++) {
      const figures = await measurePass(worlds, stores, questions)
      for (const label of Object.keys(stores))
        print(
          `pass ${pass}, ${label === 'this' ? 'this checkout' : `baseline ${process.env.BENCH_STATS_BASELINE}`}`,
          worlds,
          figures[label],
          questions,
        )
      results.push(figures)
    }
    if (process.env.BENCH_STATS_EXPLAIN === '1') for (const w of worlds) await explainRegulator(w.url, w.n)
    saveBenchSection('stats', {
      loadedDirectly: true,
      interleaved: true,
      worlds: worlds.map((w) => ({ n: w.n, loadSeconds: w.loadSeconds, rows: w.rows })),
      passes: results,
    })
  } finally {
    for (const w of worlds) await w.db.destroy()
    if (!keep) {
      const admin = new Client({ connectionString: pg.url })
      await admin.connect()
      for (const w of worlds) await admin.query(`drop database if exists ${new URL(w.url).pathname.slice(1)} with (force)`)
      await admin.end()
    }
    pg.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
