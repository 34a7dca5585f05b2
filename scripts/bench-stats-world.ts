// The synthetic statistics npm run bench loads (bench-stats.ts): CaseFacts spread over 20 sites × 50 shops ×
// the 365 days of 2026, industry line and problem type skewed, counted by the domain's own caseContributionOf,
// merged into cube rows a slice of days at a time and loaded with INSERT … SELECT FROM unnest(…) … ON CONFLICT
// DO UPDATE (x = x + excluded.x); filer rows too (a filer for every three cases, so that repeats exist), and the
// repeat complainants' counters per calendar month, quarter and year worked out from them (migration 0034).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../cloudfunctions/adapters/sql/database'
import { snakeCase } from '../cloudfunctions/adapters/stats-rows'
import { COUNTED_CLOCKS, type CaseFacts, type CountedClock } from '../src/domain/metrics/case-facts'
import type { ClockResult } from '../src/domain/metrics/clock-result'
import { addCounters, COUNTER_NAMES } from '../src/domain/metrics/counters'
import { caseContributionOf, cubeRowKey, cubeRowsOf, type CubeRow } from '../src/domain/metrics/cubes'
import { DIMENSIONS } from '../src/domain/metrics/dimensions'
import { rollupOf, type FilerRow } from '../src/domain/metrics/rollup'
import { OUTCOME_CODES } from '../src/domain/workflow/outcomes'

/**
 * The bench's own copy of migration 0034's fill (0034-repeat-counters.ts): a shipped migration stays frozen,
 * so an edit made for the bench cannot change it. Keep the two equal by hand when the tables change.
 */
async function fillRepeatCounters(db: Kysely<Database>) {
  await sql`delete from stats_repeat_counters`.execute(db)
  await sql`delete from stats_repeat_tallies`.execute(db)
  await sql`insert into stats_repeat_tallies (grain, period, site, filer_key, cases)
    select g.grain, date_trunc(g.grain, f.day::timestamp)::date, s.site, f.filer_key, sum(f.cases)
    from stats_filers f cross join (values ('month'), ('quarter'), ('year')) as g (grain)
      cross join lateral (values (f.site), ('')) as s (site)
    where f.cases > 0
    group by 1, 2, 3, 4`.execute(db)
  await sql`insert into stats_repeat_counters (grain, period, site, keys, cases)
    select grain, period, site, count(*), sum(cases) from stats_repeat_tallies where cases >= 2 group by 1, 2, 3`.execute(db)
}

const SITES = 20
const SHOPS_PER_SITE = 50
const INDUSTRIES = ['餐饮', '食品', '商超', '交通', '住宿', '景区', '价格', '美容美发', '教育培训', '家电维修']
const PROBLEMS = ['预付卡', '质量', '价格欺诈', '虚假宣传', '服务态度', '合同', '退换货', '计量', '安全', '售后', '人身权益', '其他']
const CHANNELS = ['qr', 'search', 'proxy', 'hotline_12345', 'phone', 'walk_in']
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
    clocks: Object.fromEntries(COUNTED_CLOCKS.map((k) => [k, RESULTS[Math.floor(rnd() * RESULTS.length)]])) as Record<
      CountedClock,
      ClockResult
    >,
    outcome: closed ? OUTCOME_CODES[Math.floor(rnd() * 3)] : null,
    withdrawn: !closed && rnd() < 0.1,
    reopened: rnd() < 0.02,
    accepted: rnd() < 0.8,
    extended: rnd() < 0.04,
    ratings: rated ? [{ speed: 4, professionalism: 5, attitude: 4, satisfied: rnd() < 0.8 }] : [],
    moneyFen: closed && rnd() < 0.4 ? Math.floor(rnd() * 50_000) : 0,
    tags: [], // the bench times the page without the tag cube (its rows: months × sites × kinds × tags)
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
    // on the primary key, whichever columns it has (migration 0031 added the tag; these rows take its default '')
    await sql`insert into stats_cube (${sql.raw(COLUMNS.join(', '))}) select * from unnest(${sql.join(arrays)})
      on conflict on constraint stats_cube_pkey do update set ${sql.raw(
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
export async function loadSyntheticStats(db: Kysely<Database>, n: number) {
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
  // the repeat complainants' tallies and counters, from the filer rows just loaded, by the statements that
  // migration 0034 fills an upgraded database with (the refresh keeps them equal to it: the store contract)
  if (n > 0) await fillRepeatCounters(db)
  await sql`analyze stats_cube`.execute(db)
  await sql`analyze stats_filers`.execute(db)
  await sql`analyze stats_repeat_counters`.execute(db)
  const { rows } = await sql<{
    cube: string
    rows: string
  }>`select cube, count(*) as rows from stats_cube group by cube order by cube`.execute(db)
  const filers = await sql<{ rows: string }>`select count(*) as rows from stats_filers`.execute(db)
  const repeats = await sql<{ tallies: string; counters: string }>`select (select count(*) from stats_repeat_tallies) as tallies,
    (select count(*) from stats_repeat_counters) as counters`.execute(db)
  return {
    ...Object.fromEntries(rows.map((r) => [r.cube, Number(r.rows)])),
    filers: Number(filers.rows[0].rows),
    repeatTallies: Number(repeats.rows[0].tallies),
    repeatCounters: Number(repeats.rows[0].counters),
  }
}
