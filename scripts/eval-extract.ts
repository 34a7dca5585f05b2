// How well the complaint-text extractor fills the form, scored against the hand-labelled set in
// tests/fixtures/complaints. A report: it exits 0 whatever the scores, and non-zero only when the set
// itself is too small (< 150 items) or has labels that fail the schema.
//   npx tsx scripts/eval-extract.ts
import { extractComplaint, type Extraction } from '../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../src/domain/extract/extraction.schema'
import { DEFAULT_MIN_CONFIDENCE } from '../src/domain/extract/merge-proposal'
import { type LabelledComplaint, loadLabelledSet } from '../tests/fixtures/complaints/labelled-set'

const MIN_ITEMS = 150
const clean = (s: string) => s.replace(/[\s“”"「」()（）·]/g, '')
/** shop and product names: right when one contains the other (电子血压计 ~ 血压计) */
const contains = (a: string, b: string) => clean(a).includes(clean(b)) || clean(b).includes(clean(a))
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

type Field = 'shopName' | 'shopCode' | 'purchaseTime' | 'amountYuan' | 'product' | 'demands' | 'problemType' | 'industry'
const FIELDS: Field[] = ['shopName', 'shopCode', 'purchaseTime', 'amountYuan', 'product', 'demands', 'problemType', 'industry']

function expectedOf(item: LabelledComplaint, field: Field): unknown {
  const e = item.expected
  if (field === 'demands') return e.demands.length ? e.demands : null
  if (field === 'shopCode') return e.shopCode ?? null
  return e[field]
}

function proposedOf(x: Extraction, field: Field): unknown {
  const p = x[field]
  return p && p.confidence >= DEFAULT_MIN_CONFIDENCE ? p.value : null
}

function matches(field: Field, expected: unknown, got: unknown): boolean {
  if (expected === null || got === null) return expected === got
  if (field === 'shopName' || field === 'product') return contains(String(expected), String(got))
  if (field === 'amountYuan') return Number(expected) === Number(got)
  if (field === 'demands') return sameSet(expected as string[], got as string[])
  return expected === got
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`)
const show = (v: unknown) => (v === null ? '∅' : Array.isArray(v) ? `[${v.join(',')}]` : String(v))

function main(): number {
  const { items, problems } = loadLabelledSet()
  console.log(`labelled set: ${items.length} items`)
  if (problems.length > 0) {
    console.error(`\n${problems.length} invalid label(s):`)
    for (const p of problems.slice(0, 50)) console.error(`  ${p}`)
  }
  if (items.length < MIN_ITEMS) console.error(`\nthe set needs at least ${MIN_ITEMS} items (has ${items.length})`)

  const stats = Object.fromEntries(FIELDS.map((f) => [f, { total: 0, correct: 0, proposed: 0, proposedRight: 0, labelled: 0 }]))
  const signalStats = { level: 0, injury: 0, group: 0, visitor: 0, happeningNow: 0 }
  const demandStats = new Map<string, { tp: number; fp: number; fn: number }>()
  const confusion = { industry: new Map<string, number>(), problemType: new Map<string, number>() }
  const misses: { id: string; wrong: string[]; text: string }[] = []
  let crashes = 0
  let badShapes = 0
  let dateOnlyRight = 0
  // holdout-*: written after the extractor was frozen and never tuned on; the rest is the development set
  const splitOf = (id: string) => (id.startsWith('holdout-') ? 'holdout' : 'development')
  const bySplit = new Map<string, Map<string, { correct: number; total: number }>>()
  const tally = (id: string, field: string, ok: boolean) => {
    const split = bySplit.get(splitOf(id)) ?? new Map()
    const t = split.get(field) ?? { correct: 0, total: 0 }
    t.total++
    if (ok) t.correct++
    split.set(field, t)
    bySplit.set(splitOf(id), split)
  }

  for (const item of items) {
    let x: Extraction
    try {
      x = extractComplaint(item.text, { now: new Date(item.now), shops: item.shops })
    } catch (e) {
      crashes++
      misses.push({ id: item.id, wrong: [`THREW ${(e as Error).message}`], text: item.text })
      continue
    }
    if (!ExtractionSchema.safeParse(x).success) badShapes++
    const wrong: string[] = []
    for (const field of FIELDS) {
      if (field === 'shopCode' && !item.shops) continue
      const s = stats[field]
      const expected = expectedOf(item, field)
      const got = proposedOf(x, field)
      const ok = matches(field, expected, got)
      s.total++
      tally(item.id, field, ok)
      if (ok) s.correct++
      if (expected !== null) s.labelled++
      if (got !== null) {
        s.proposed++
        if (ok) s.proposedRight++
      }
      if (!ok) wrong.push(`${field}: ${show(expected)} ≠ ${show(got)}`)
      if (
        field === 'purchaseTime' &&
        !ok &&
        typeof expected === 'string' &&
        typeof got === 'string' &&
        expected.slice(0, 10) === got.slice(0, 10)
      )
        dateOnlyRight++
      if ((field === 'industry' || field === 'problemType') && !ok) {
        const key = `${show(expected)} → ${show(got)}`
        confusion[field].set(key, (confusion[field].get(key) ?? 0) + 1)
      }
    }
    const want = item.expected.demands
    const have = (proposedOf(x, 'demands') as string[] | null) ?? []
    for (const d of new Set([...want, ...have])) {
      const s = demandStats.get(d) ?? { tp: 0, fp: 0, fn: 0 }
      if (want.includes(d as never) && have.includes(d)) s.tp++
      else if (have.includes(d)) s.fp++
      else s.fn++
      demandStats.set(d, s)
    }
    const u = item.expected.urgency
    tally(item.id, 'urgency', x.urgency.level === u.level)
    if (x.urgency.level === u.level) signalStats.level++
    else wrong.push(`urgency: ${u.level} ≠ ${x.urgency.level}`)
    for (const k of ['injury', 'group', 'visitor', 'happeningNow'] as const) {
      if (x.urgency.signals[k] === u.signals[k]) signalStats[k]++
      else wrong.push(`${k}: ${u.signals[k]} ≠ ${x.urgency.signals[k]}`)
    }
    if (wrong.length) misses.push({ id: item.id, wrong, text: item.text })
  }

  console.log(`\nper field (proposed = value with confidence ≥ ${DEFAULT_MIN_CONFIDENCE}, what the form would fill)`)
  console.log('field          correct/total   accuracy   precision (right/proposed)   recall (right/labelled)')
  for (const f of FIELDS) {
    const s = stats[f]
    console.log(
      `${f.padEnd(14)} ${`${s.correct}/${s.total}`.padStart(9)}      ${pct(s.correct, s.total)}    ${pct(s.proposedRight, s.proposed)} (${s.proposedRight}/${s.proposed})`.padEnd(
        72,
      ) + `${pct(s.proposedRight, s.labelled)} (${s.proposedRight}/${s.labelled})`,
    )
  }
  console.log(`  (purchaseTime: ${dateOnlyRight} more had the right day but a different or missing clock time)`)
  const n = items.length
  console.log(`urgency level  ${`${signalStats.level}/${n}`.padStart(9)}      ${pct(signalStats.level, n)}`)
  for (const k of ['injury', 'group', 'visitor', 'happeningNow'] as const)
    console.log(`  ${k.padEnd(12)} ${`${signalStats[k]}/${n}`.padStart(9)}      ${pct(signalStats[k], n)}`)

  console.log('\naccuracy by split (development = written alongside the rules; holdout = written after, never tuned on)')
  const splitNames = [...bySplit.keys()].sort()
  console.log(
    `  ${'field'.padEnd(14)}${splitNames.map((n) => `${n} (${items.filter((i) => splitOf(i.id) === n).length})`.padStart(22)).join('')}`,
  )
  for (const f of [...FIELDS, 'urgency']) {
    const cells = splitNames.map((n) => {
      const t = bySplit.get(n)?.get(f)
      return (t ? `${t.correct}/${t.total} ${pct(t.correct, t.total)}` : '-').padStart(22)
    })
    console.log(`  ${f.padEnd(14)}${cells.join('')}`)
  }

  console.log('\ndemands, per type: precision / recall')
  for (const [d, s] of [...demandStats].sort())
    console.log(`  ${d.padEnd(13)} ${pct(s.tp, s.tp + s.fp)} / ${pct(s.tp, s.tp + s.fn)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`)

  for (const field of ['industry', 'problemType'] as const) {
    console.log(`\n${field}: most frequent confusions (expected → proposed)`)
    const top = [...confusion[field]].sort((a, b) => b[1] - a[1]).slice(0, 8)
    if (top.length === 0) console.log('  none')
    for (const [pair, count] of top) console.log(`  ${String(count).padStart(3)}  ${pair}`)
  }

  console.log(`\nworst misses (of ${misses.length} items with any miss):`)
  for (const m of [...misses].sort((a, b) => b.wrong.length - a.wrong.length).slice(0, 10)) {
    console.log(`  ${m.id}: ${m.text.slice(0, 48)}${m.text.length > 48 ? '…' : ''}`)
    for (const w of m.wrong) console.log(`      ${w}`)
  }
  console.log(`\nextractor threw on ${crashes} item(s); ${badShapes} result(s) failed ExtractionSchema`)
  return problems.length > 0 || items.length < MIN_ITEMS ? 1 : 0
}

process.exitCode = main()
