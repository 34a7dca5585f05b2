import type { CaseFacts } from './case-facts'
import { addCounters, countersOf, isZero, negateCounters } from './counters'
import { DIMENSIONS, type Dimension } from './dimensions'
import type { Day } from './period'
import { monthStart } from './stats-plan'
import type { FilerRow, RollupRow } from './rollup'

// Why cubes. The daily rollup keyed by all six dimensions holds up to one row per case until its days fill
// up, so a query over it still grows with the cases. The statistics page asks a few fixed questions: the
// trend, bars by industry line / problem type / channel, the top merchants, the weekday × hour heat map.
// Each gets a projection of the rollup that keeps only the dimensions it needs, at the grain it needs.
// A projection fills up at (periods × that dimension's values) whatever the number of cases, so the page's
// reads stop growing once a site has a few cases a day. The full daily cube stays for custom queries
// (a filter on any dimension) and is what the rebuild test compares first.
export type Grain = 'day' | 'month'

export interface CubeSpec {
  readonly grain: Grain
  /** the dimensions kept; the others are '' in the cube's rows ("all of them") */
  readonly keep: readonly Dimension[]
  /** whether rows are split by the weekday × hour slot (only the heat map's cube) */
  readonly slot: boolean
  /** whether rows are split by the case's confirmed tags (only month_tag): one row per tag, none for a case without */
  readonly tags?: boolean
}

export const CUBES = {
  day: { grain: 'day', keep: DIMENSIONS, slot: false },
  day_site: { grain: 'day', keep: ['site', 'kind'], slot: false },
  month_industry: { grain: 'month', keep: ['site', 'kind', 'industry'], slot: false },
  month_problem: { grain: 'month', keep: ['site', 'kind', 'problemType'], slot: false },
  month_channel: { grain: 'month', keep: ['site', 'kind', 'channel'], slot: false },
  month_merchant: { grain: 'month', keep: ['site', 'kind', 'industry', 'merchant'], slot: false },
  month_slot: { grain: 'month', keep: ['site', 'kind'], slot: true },
  // the regulator's twins of the page's cubes, summed over every site (site-less-cubes.ts, migration 0032)
  all_day: { grain: 'day', keep: ['kind'], slot: false },
  all_month_industry: { grain: 'month', keep: ['kind', 'industry'], slot: false },
  all_month_problem: { grain: 'month', keep: ['kind', 'problemType'], slot: false },
  all_month_slot: { grain: 'month', keep: ['kind'], slot: true },
  all_month_merchant: { grain: 'month', keep: ['industry', 'merchant'], slot: false },
  // 按标签 (docs/tags.md). Tags are multi-valued, so this cube is not a projection of the rollup row: a case
  // counts once under each of its confirmed tags, and not at all without one. The tag bars do not sum to
  // the total (a case with two tags is in two bars; a case without a tag is in none).
  month_tag: { grain: 'month', keep: ['site', 'kind'], slot: false, tags: true },
} as const satisfies Record<string, CubeSpec>

export type CubeId = keyof typeof CUBES
export const CUBE_IDS = Object.keys(CUBES) as CubeId[]

/** One row of one cube. Dropped dimensions are ''; a month-grain row's day is the month's 1st; slot is '' outside month_slot. */
export type CubeRow = RollupRow & { cube: CubeId; slot: string; /** month_tag's tag; absent (or '') in every other cube */ tag?: string }

/**
 * What one case adds to the statistics. The store keeps it per case, so that the case's next refresh takes
 * exactly this away before it adds the new one: upkeep never has to know what the facts were.
 */
export interface CaseContribution {
  row: RollupRow
  slot: string
  filerKey: string | null
  /** the cubes it is counted in; absent: stored before migration 0032, counted in every cube but ADDED_IN_0032 */
  cubes?: readonly CubeId[]
  /** confirmed tags (absent in a contribution stored before tags were counted: none) */
  tags?: readonly string[]
}

export function caseContributionOf(f: CaseFacts): CaseContribution {
  return { row: { day: f.day, ...f.dims, ...countersOf(f) }, slot: f.slot, filerKey: f.filerKey, cubes: CUBE_IDS, tags: f.tags }
}

/** The first day of the row's period at a grain: "2026-02-14" → "2026-02-01" by month. */
export const grainDay = (day: Day, grain: Grain): Day => (grain === 'month' ? monthStart(day) : day)

function project(c: CaseContribution, cube: CubeId, sign: 1 | -1): CubeRow {
  const spec: CubeSpec = CUBES[cube]
  const counters = sign === 1 ? c.row : { ...c.row, ...negateCounters(c.row) }
  const kept = (d: Dimension) => (spec.keep.includes(d) ? c.row[d] : '')
  return {
    ...counters,
    cube,
    day: grainDay(c.row.day, spec.grain),
    slot: spec.slot ? c.slot : '',
    site: kept('site'),
    merchant: kept('merchant'),
    industry: kept('industry'),
    problemType: kept('problemType'),
    channel: kept('channel'),
    kind: kept('kind'),
  }
}

/** The cubes migration 0032 added: a contribution stored before it names no cubes and was not counted in these. */
const ADDED_IN_0032: readonly CubeId[] = ['all_day', 'all_month_industry', 'all_month_problem', 'all_month_slot', 'all_month_merchant']

/**
 * The cubes a contribution is counted in. A refresh takes the stored contribution away from these only, so
 * a cube added since it was stored receives the case's rows (re-marking every case is how a new cube is
 * filled) instead of a -1 that cancels the +1.
 */
const countedIn = (c: CaseContribution): CubeId[] => CUBE_IDS.filter((id) => (c.cubes ? c.cubes.includes(id) : !ADDED_IN_0032.includes(id)))

/** A contribution's rows in every cube it is counted in, added (sign 1) or taken away (sign -1). */
export function cubeRowsOf(c: CaseContribution, sign: 1 | -1): CubeRow[] {
  return countedIn(c).flatMap((cube) => {
    const spec: CubeSpec = CUBES[cube]
    const row = project(c, cube, sign)
    return spec.tags ? [...new Set(c.tags ?? [])].map((tag) => ({ ...row, tag })) : [row]
  })
}

/** The key a cube row is stored and summed under. */
export const cubeRowKey = (r: Pick<CubeRow, 'cube' | 'day' | 'slot' | 'tag' | Dimension>): string =>
  // the tag only when there is one: every other cube's key (and CloudBase's document ids) stays as it was
  [r.cube, r.day, ...DIMENSIONS.map((d) => r[d]), r.slot, ...(r.tag ? [r.tag] : [])].join('\u241f')

/** Cube rows added key by key; rows that come to nothing are dropped (the store deletes them). */
export function mergeCubeRows(rows: readonly CubeRow[]): CubeRow[] {
  const merged = new Map<string, CubeRow>()
  for (const row of rows) {
    const key = cubeRowKey(row)
    const found = merged.get(key)
    merged.set(key, found ? { ...found, ...addCounters(found, row) } : row)
  }
  return [...merged.values()].filter((r) => !isZero(r))
}

export interface StatsDelta {
  rows: CubeRow[]
  filers: FilerRow[]
}

const filerOf = (c: CaseContribution, cases: number): FilerRow[] =>
  c.filerKey ? [{ day: c.row.day, dims: c.row, filerKey: c.filerKey, cases }] : []

/**
 * What a case's refresh adds to the stored rows: its new contribution less its old one (null for a case
 * counted for the first time, or one that is gone). Usually a handful of rows cancel to nothing and only
 * the counters that moved remain; a changed industry line moves the case between rows.
 */
export function statsDelta(before: CaseContribution | null, after: CaseContribution | null): StatsDelta {
  const rows = mergeCubeRows([...(before ? cubeRowsOf(before, -1) : []), ...(after ? cubeRowsOf(after, 1) : [])])
  const filers = new Map<string, FilerRow>()
  for (const f of [...(before ? filerOf(before, -1) : []), ...(after ? filerOf(after, 1) : [])]) {
    const key = [f.day, ...DIMENSIONS.map((d) => f.dims[d]), f.filerKey].join('\u241f')
    const found = filers.get(key)
    filers.set(key, found ? { ...found, cases: found.cases + f.cases } : { ...f, dims: pickDims(f.dims) })
  }
  return { rows, filers: [...filers.values()].filter((f) => f.cases !== 0) }
}

const pickDims = (v: Record<Dimension, string>) => ({
  site: v.site,
  merchant: v.merchant,
  industry: v.industry,
  problemType: v.problemType,
  channel: v.channel,
  kind: v.kind,
})
