// npm run bench (issue 18 "Done when"): the statistics page's queries at 10k, 100k and 1M cases on PostgreSQL.
// The server: TEST_DATABASE_URL or DATABASE_URL when set (a database of its own is made and dropped), else a
// throwaway cluster started as .ci/pg-cluster.sh does (needs the server binaries and root for runuser).
// The statistics are NOT made through the services (a million filings would take hours): bench-stats-world.ts
// loads synthetic ones straight into the cube and filer tables (not the per-case contributions: the page does
// not read them). Each of the page's questions runs through the store's own methods (sumCube, and the
// ranking and repeat counts it works out itself: rankShops, monthTopShops, countRepeats) ~50 times; p50/p95
// in ms, side by side per size, and the ratio 1M / 10k of the p50. docs/statistics-scale.md reads them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'
import { connectSql, migrateToLatest } from '../cloudfunctions/adapters/sql/connect'
import { sqlStatsStore } from '../cloudfunctions/adapters/sql/sql-stats-store'
import { saveBenchSection } from './bench-results'
import { explainRegulator } from './bench-stats-explain'
import { QUERIES } from './bench-stats-questions'
import { loadSyntheticStats } from './bench-stats-world'

const SIZES = [10_000, 100_000, 1_000_000]
const RUNS = 50

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function measure(url: string, n: number) {
  const db = await connectSql({ kind: 'postgres', url })
  try {
    await migrateToLatest(db)
    const t0 = performance.now()
    const rows = await loadSyntheticStats(db, n)
    const loadSeconds = Math.round((performance.now() - t0) / 100) / 10
    const stats = sqlStatsStore(db)
    const figures: Record<string, { p50: number; p95: number; rows: number }> = {}
    for (const [name, q] of QUERIES) {
      const times: number[] = []
      let answered = 0
      for (let run = 0; run < RUNS + 3; run++) {
        const t = performance.now()
        answered = await q(stats)
        if (run >= 3) times.push(performance.now() - t) // three warm-up runs
      }
      times.sort((a, b) => a - b)
      figures[name] = { p50: Math.round(pct(times, 50) * 100) / 100, p95: Math.round(pct(times, 95) * 100) / 100, rows: answered }
    }
    if (process.env.BENCH_STATS_EXPLAIN === '1') await explainRegulator(url, n)
    return { n, loadSeconds, rows, figures }
  } finally {
    await db.destroy()
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

async function main() {
  console.log('statistics queries on PostgreSQL (cube rows loaded directly from synthetic CaseFacts, not through the services)')
  const pg = await server()
  const results: Awaited<ReturnType<typeof measure>>[] = []
  try {
    for (const n of (process.env.BENCH_STATS_SIZES ?? SIZES.join(',')).split(',').map(Number)) {
      const name = `bench_stats_${process.pid}_${n}`
      const admin = new Client({ connectionString: pg.url })
      await admin.connect()
      await admin.query(`create database ${name}`)
      try {
        const url = new URL(pg.url)
        url.pathname = `/${name}`
        const r = await measure(url.toString(), n)
        console.log(`  ${n.toLocaleString('en')} cases: loaded in ${r.loadSeconds} s, rows per cube ${JSON.stringify(r.rows)}`)
        results.push(r)
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`)
        await admin.end()
      }
    }
  } finally {
    pg.stop()
  }
  const first = results[0]
  const last = results[results.length - 1]
  const header = [
    'query (p50 / p95 ms, rows answered)',
    ...results.map((r) => `${r.n.toLocaleString('en')}`),
    `${last.n / 1000}k/${first.n / 1000}k p50`,
  ]
  console.log(`\n  ${header.join(' | ')}`)
  for (const [name] of QUERIES) {
    const cells = results.map((r) => `${r.figures[name].p50} / ${r.figures[name].p95} (${r.figures[name].rows})`)
    const ratio = (last.figures[name].p50 / first.figures[name].p50).toFixed(2)
    console.log(`  ${name} | ${cells.join(' | ')} | ×${ratio}`)
  }
  // The five chart questions are the page the goal was set for; the repeat counts are shown apart: they
  // are read flat (one row per period) but the database still tallies every filer row of the range.
  const pageP50 = (r: (typeof results)[number], who: string, withRepeats: boolean) =>
    QUERIES.filter(([q]) => q.startsWith(who) && (withRepeats || !q.includes('repeat'))).reduce((s, [q]) => s + r.figures[q].p50, 0)
  for (const who of ['station', 'regulator'])
    for (const withRepeats of [false, true]) {
      const ratio = pageP50(last, who, withRepeats) / pageP50(first, who, withRepeats)
      console.log(
        `  ${who}'s page, ${withRepeats ? 'all six questions' : 'its five chart questions'}' p50 summed: ${results.map((r) => pageP50(r, who, withRepeats).toFixed(2)).join(' | ')} ms — ×${ratio.toFixed(2)}${withRepeats ? '' : ' (goal: within ×1.5)'}`,
      )
    }
  saveBenchSection('stats', { loadedDirectly: true, results })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
