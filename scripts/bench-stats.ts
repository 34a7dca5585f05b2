// npm run bench (issue 18 "Done when"): the statistics page's queries at 10k, 100k and 1M cases on PostgreSQL.
// The server: TEST_DATABASE_URL or DATABASE_URL when set (a database of its own is made and dropped), else a
// throwaway cluster started as .ci/pg-cluster.sh does (needs the server binaries and root for runuser).
// The statistics are NOT made through the services (a million filings would take hours): synthetic CaseFacts
// spread over 20 sites × 50 shops × the 365 days of 2026, industry line and problem type skewed, are counted
// by the domain's own caseContributionOf, merged into cube rows a slice of days at a time and loaded with
// INSERT … SELECT FROM unnest(…) … ON CONFLICT DO UPDATE (x = x + excluded.x). Filer rows are loaded too
// (a filer for every three cases, so that repeats exist); the per-case contributions are not (the page does
// not read them). Each of the page's questions runs through the store's own methods (sumCube, and the
// ranking and repeat counts it works out itself: rankShops, monthTopShops, countRepeats) ~50 times; p50/p95
// in ms, side by side per size, and the ratio 1M / 10k of the p50. docs/statistics-scale.md reads them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { Client } from 'pg'
import { connectSql, migrateToLatest } from '../cloudfunctions/adapters/sql/connect'
import type { Database } from '../cloudfunctions/adapters/sql/database'
import { sqlStatsStore } from '../cloudfunctions/adapters/sql/sql-stats-store'
import { snakeCase } from '../cloudfunctions/adapters/stats-rows'
import type { CubeQuery, StatsStore } from '../cloudfunctions/ports/stats-store'
import type { CaseFacts, CountedClock } from '../src/domain/metrics/case-facts'
import type { ClockResult } from '../src/domain/metrics/clock-result'
import { addCounters, COUNTER_NAMES } from '../src/domain/metrics/counters'
import { caseContributionOf, cubeRowKey, cubeRowsOf, type CubeRow } from '../src/domain/metrics/cubes'
import { DIMENSIONS } from '../src/domain/metrics/dimensions'
import { rollupOf, type FilerRow } from '../src/domain/metrics/rollup'
import type { PeriodRange } from '../src/domain/metrics/shop-ranking'
import { STREAK_TOP, TOP_N } from '../src/domain/metrics/top-merchants'
import { OUTCOME_CODES } from '../src/domain/workflow/outcomes'
import { saveBenchSection } from './bench-results'

const SIZES = [10_000, 100_000, 1_000_000]
const RUNS = 50
const SITES = 20
const SHOPS_PER_SITE = 50
const INDUSTRIES = ['餐饮', '食品', '商超', '交通', '住宿', '景区', '价格', '美容美发', '教育培训', '家电维修']
const PROBLEMS = ['预付卡', '质量', '价格欺诈', '虚假宣传', '服务态度', '合同', '退换货', '计量', '安全', '售后', '人身权益', '其他']
const CHANNELS = ['qr', 'search', 'proxy', 'hotline_12345', 'phone', 'walk_in']
const CLOCKS: CountedClock[] = [
  'first_answer',
  'initial_review',
  'accept_decision',
  'merchant_response',
  'on_site',
  'completion',
  'mediation',
  'return_visit',
]
const RESULTS: ClockResult[] = ['met', 'met', 'met', 'met', 'late', 'missed', 'moot', 'pending', 'none', 'none']

/** mulberry32: the same world every run */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
/** skewed: the first values far more often (a Zipf-like weight 1/(i+1)) */
const skewed = <T>(values: readonly T[], r: number): T => {
  const weights = values.map((_, i) => 1 / (i + 1))
  let x = r * weights.reduce((s, w) => s + w, 0)
  for (let i = 0; i < values.length; i++) if ((x -= weights[i]) <= 0) return values[i]
  return values[values.length - 1]
}
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A filer for about every three cases, drawn from the case's own seed (not from rnd: the world's other
 * values stay as they were). Not a multiplicative hash: consecutive cases would spread evenly and never meet.
 */
const filerOf = (i: number, n: number) => `filer-${Math.floor(prng(i * 7919 + 1)() * Math.max(1, Math.ceil(n / 3)))}`

function factsOf(i: number, n: number, rnd: () => number): CaseFacts {
  const dayIndex = Math.floor((i * 365) / n) // cases in day order: a slice of cases is a slice of days
  const date = new Date(Date.UTC(2026, 0, 1) + dayIndex * 86_400_000)
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const weekday = ((date.getUTCDay() + 6) % 7) + 1
  const hour = Math.min(23, Math.max(0, Math.round(8 + rnd() * 6 + rnd() * 6))) // busiest in the day
  const site = Math.floor(rnd() * SITES)
  const shop = Math.floor(skewed([...Array(SHOPS_PER_SITE).keys()], rnd()))
  const closed = rnd() < 0.7
  const rated = closed && rnd() < 0.5
  return {
    caseId: `c${i}`,
    day,
    slot: `${weekday}-${pad(hour)}`,
    dims: {
      site: `site-${site}`,
      merchant: `site-${site}-shop-${shop}`,
      industry: INDUSTRIES[(shop * 7 + site) % INDUSTRIES.length], // a shop keeps its line
      problemType: skewed(PROBLEMS, rnd()),
      channel: skewed(CHANNELS, rnd()),
      kind: rnd() < 0.9 ? 'complaint' : 'report',
    },
    filerKey: filerOf(i, n),
    clocks: Object.fromEntries(CLOCKS.map((k) => [k, RESULTS[Math.floor(rnd() * RESULTS.length)]])) as Record<CountedClock, ClockResult>,
    outcome: closed ? OUTCOME_CODES[Math.floor(rnd() * 3)] : null,
    withdrawn: !closed && rnd() < 0.1,
    reopened: rnd() < 0.02,
    accepted: rnd() < 0.8,
    extended: rnd() < 0.04,
    ratings: rated ? [{ speed: 4, professionalism: 5, attitude: 4, satisfied: rnd() < 0.8 }] : [],
    moneyFen: closed && rnd() < 0.4 ? Math.floor(rnd() * 50_000) : 0,
  }
}

const COLUMNS = ['cube', 'day', ...DIMENSIONS.map(snakeCase), 'slot', ...COUNTER_NAMES.map(snakeCase)]

async function insertRows(db: Kysely<Database>, rows: CubeRow[]) {
  for (let at = 0; at < rows.length; at += 5000) {
    const part = rows.slice(at, at + 5000)
    const arrays = [
      sql`${part.map((r) => r.cube)}::text[]`,
      sql`${part.map((r) => r.day)}::date[]`,
      ...DIMENSIONS.map((d) => sql`${part.map((r) => r[d])}::text[]`),
      sql`${part.map((r) => r.slot)}::text[]`,
      ...COUNTER_NAMES.map((c) => sql`${part.map((r) => r[c])}::bigint[]`),
    ]
    const key = ['cube', 'day', ...DIMENSIONS.map(snakeCase), 'slot'].join(', ')
    await sql`insert into stats_cube (${sql.raw(COLUMNS.join(', '))}) select * from unnest(${sql.join(arrays)})
      on conflict (${sql.raw(key)}) do update set ${sql.raw(
        COUNTER_NAMES.map(snakeCase)
          .map((c) => `${c} = stats_cube.${c} + excluded.${c}`)
          .join(', '),
      )}`.execute(db)
  }
}

async function insertFilers(db: Kysely<Database>, filers: FilerRow[]) {
  for (let at = 0; at < filers.length; at += 5000) {
    const part = filers.slice(at, at + 5000)
    await sql`insert into stats_filers (day, ${sql.raw(DIMENSIONS.map(snakeCase).join(', '))}, filer_key, cases)
      select * from unnest(${sql.join([
        sql`${part.map((f) => f.day)}::date[]`,
        ...DIMENSIONS.map((d) => sql`${part.map((f) => f.dims[d])}::text[]`),
        sql`${part.map((f) => f.filerKey)}::text[]`,
        sql`${part.map((f) => f.cases)}::int[]`,
      ])})
      on conflict (day, ${sql.raw(DIMENSIONS.map(snakeCase).join(', '))}, filer_key) do update set cases = stats_filers.cases + excluded.cases`.execute(
      db,
    )
  }
}

/** The cases' statistics, a slice of 50k cases (about 18 days at 1M) merged in memory and loaded at a time. */
async function load(db: Kysely<Database>, n: number) {
  const rnd = prng(18)
  const SLICE = 50_000
  for (let start = 0; start < n; start += SLICE) {
    const merged = new Map<string, CubeRow>()
    const facts: CaseFacts[] = []
    for (let i = start; i < Math.min(n, start + SLICE); i++) {
      const f = factsOf(i, n, rnd)
      facts.push(f)
      for (const row of cubeRowsOf(caseContributionOf(f), 1)) {
        const key = cubeRowKey(row)
        const found = merged.get(key)
        merged.set(key, found ? { ...found, ...addCounters(found, row) } : row)
      }
    }
    await insertRows(db, [...merged.values()])
    await insertFilers(db, rollupOf(facts).filers)
  }
  await sql`analyze stats_cube`.execute(db)
  await sql`analyze stats_filers`.execute(db)
  const { rows } = await sql<{
    cube: string
    rows: string
  }>`select cube, count(*) as rows from stats_cube group by cube order by cube`.execute(db)
  const filers = await sql<{ rows: string }>`select count(*) as rows from stats_filers`.execute(db)
  return { ...Object.fromEntries(rows.map((r) => [r.cube, Number(r.rows)])), filers: Number(filers.rows[0].rows) }
}

const QUARTER = { from: '2026-04-01', to: '2026-06-30' }
/** One question of the page: it runs the store's calls (in parallel, as the service does) and answers how many rows came back. */
type Question = (stats: StatsStore) => Promise<number>
const cube =
  (q: CubeQuery): Question =>
  async (stats) =>
    (await stats.sumCube(q)).length
const MONTHS: PeriodRange[] = [
  { period: '2026-04', from: '2026-04-01', to: '2026-04-30' },
  { period: '2026-05', from: '2026-05-01', to: '2026-05-31' },
  { period: '2026-06', from: '2026-06-01', to: '2026-06-30' },
  { period: '', ...QUARTER },
]
const station = (sites: string[] | null): [string, Question][] => [
  ['weekly trend (day_site)', cube({ cube: 'day_site', ...QUARTER, sites, by: ['kind'] })],
  ['bars by industry (month_industry)', cube({ cube: 'month_industry', ...QUARTER, sites, by: ['industry'] })],
  ['bars by problem (month_problem)', cube({ cube: 'month_problem', ...QUARTER, sites, by: ['problemType'] })],
  [
    'top shops (rankShops + monthTopShops)',
    async (stats) => {
      const [range, tops] = await Promise.all([
        stats.rankShops({ cube: 'month_merchant', ...QUARTER, sites, top: TOP_N }),
        stats.monthTopShops({ from: '2026-02-01', to: QUARTER.to, sites, top: STREAK_TOP }),
      ])
      return range.lines.length + range.shops.length + tops.length
    },
  ],
  ['heat map (month_slot)', cube({ cube: 'month_slot', ...QUARTER, sites, by: [] })],
  [
    'repeat shops and complainants (countRepeats ×2)',
    async (stats) => {
      const [shops, filers] = await Promise.all([
        stats.countRepeats({ of: { shops: 'month_merchant' }, periods: MONTHS, sites }),
        stats.countRepeats({ of: 'complainants', periods: MONTHS, sites }),
      ])
      return shops.length + filers.length
    },
  ],
]
const QUERIES: [string, Question][] = [
  ...station(['site-3']).map(([name, q]): [string, Question] => [`station · ${name}`, q]),
  ...station(null).map(([name, q]): [string, Question] => [`regulator · ${name}`, q]),
  // what the page read before the store ranked the shops and counted the repeats (not in the page's sum)
  [
    'reference · regulator top shops as every shop-month row (sumCube month_merchant)',
    cube({ cube: 'month_merchant', from: '2026-02-01', to: QUARTER.to, sites: null, where: {}, by: ['industry', 'merchant'] }),
  ],
  [
    'reference · regulator filer rows of the quarter (listFilerRows)',
    async (stats) => (await stats.listFilerRows({ ...QUARTER, sites: null })).length,
  ],
  [
    'custom · full day cube, H1, 餐饮 × 预付卡 × complaints, all sites, by shop',
    cube({
      cube: 'day',
      from: '2026-01-01',
      to: '2026-06-30',
      sites: null,
      where: { industry: '餐饮', problemType: '预付卡', kind: 'complaint' },
      by: ['merchant'],
    }),
  ],
]

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function measure(url: string, n: number) {
  const db = await connectSql({ kind: 'postgres', url })
  try {
    await migrateToLatest(db)
    const t0 = performance.now()
    const rows = await load(db, n)
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
