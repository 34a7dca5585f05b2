// How well the complaint-text extractor fills the form, on two sets, each scored twice — the keyword
// rules alone (as before issue 20) and with the learned classifiers (src/domain/extract/model):
//   - the hand-written set (tests/fixtures/complaints), written alongside the rules;
//   - the real-world corpus's TEST split (tests/fixtures/extract-real, by source), which no rule and no
//     training run has seen.
// Per field: accuracy at the propose floor (right / proposed, what the form would fill), coverage
// (proposed / items with a label) and recall (right / items with a label). "Right" per field:
// docs/extract-model.md. A report: exits 0 whatever the scores, non-zero only when a set fails its schema.
//   npm run eval:extract            (add -- --misses to list the real test items a new proposal got wrong)
//   npm run eval:extract -- --train-misses[=field]   scores the TRAIN split and lists its misses (wrong
//   proposals and labelled items with no proposal): the only misses to look at when mending a rule.
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { extractComplaint, type Extraction } from '../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../src/domain/extract/extraction.schema'
import { DEFAULT_MIN_CONFIDENCE } from '../src/domain/extract/merge-proposal'
import type { ExtractModel } from '../src/domain/extract/model/model'
import { parseExtractModel } from '../src/domain/extract/model/parse'
import { type LabelledComplaint, loadLabelledSet } from '../tests/fixtures/complaints/labelled-set'
import { type RealItem, readRealCorpus } from './extract-model/corpus'

const WEIGHTS = resolve(__dirname, '../src/domain/extract/model/weights.json')
const MIN_ITEMS = 150

// ---- what "right" means (docs/extract-model.md) ----
const clean = (s: string) => s.replace(/[\s“”"‘’'「」《》()（）【】[\]·,，.。、]/g, '')
/** shop and product names of the hand-written set: right when one contains the other (电子血压计 ~ 血压计) */
const contains = (a: string, b: string) => clean(a).includes(clean(b)) || clean(b).includes(clean(a))
/** the merchant as the text names it: the same span after clean(), or one inside the other covering at least half of it */
function sameMerchant(label: string, got: string): boolean {
  const [a, b] = [clean(label), clean(got)]
  if (a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length >= 2 && long.includes(short) && short.length * 2 >= long.length
}
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))
/** a date as precise as the text allows: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM */
function dateParts(d: string): { y: string | null; m: string | null; d: string | null } {
  const [y, m, day] = d.startsWith('--') ? [null, ...d.slice(2).split('-')] : d.slice(0, 10).split('-')
  return { y: y ?? null, m: m ?? null, d: day ?? null }
}
/**
 * Right when every part the label states is stated alike by the proposal — except the year, which may be
 * missing on either side (month-day without a year) as long as a month is compared.
 */
function sameDate(label: string, got: string): boolean {
  const [a, b] = [dateParts(label), dateParts(got)]
  if (a.y && b.y && a.y !== b.y) return false
  if (!(a.y && b.y) && !a.m) return false
  return (!a.m || a.m === b.m) && (!a.d || a.d === b.d)
}

interface FieldScore<T> {
  field: string
  label: (item: T) => unknown
  /** the proposal the form would take, or null */
  got: (x: Extraction) => unknown
  right: (label: unknown, got: unknown) => boolean
}

const sure = <V>(p: { value: V; confidence: number } | null): V | null => (p && p.confidence >= DEFAULT_MIN_CONFIDENCE ? p.value : null)
const urgentOf = (x: Extraction) => x.urgency.level !== '一般'

const HAND: FieldScore<LabelledComplaint>[] = [
  { field: 'industry', label: (i) => i.expected.industry, got: (x) => sure(x.industry), right: (a, b) => a === b },
  { field: 'problemType', label: (i) => i.expected.problemType, got: (x) => sure(x.problemType), right: (a, b) => a === b },
  {
    field: 'demands',
    label: (i) => (i.expected.demands.length ? i.expected.demands : null),
    got: (x) => sure(x.demands),
    right: (a, b) => sameSet(a as string[], b as string[]),
  },
  { field: 'shopName', label: (i) => i.expected.shopName, got: (x) => sure(x.shopName), right: (a, b) => contains(String(a), String(b)) },
  { field: 'shopCode', label: (i) => i.expected.shopCode ?? null, got: (x) => sure(x.shopCode), right: (a, b) => a === b },
  { field: 'purchaseTime', label: (i) => i.expected.purchaseTime, got: (x) => sure(x.purchaseTime), right: (a, b) => a === b },
  { field: 'amountYuan', label: (i) => i.expected.amountYuan, got: (x) => sure(x.amountYuan), right: (a, b) => Number(a) === Number(b) },
  { field: 'product', label: (i) => i.expected.product, got: (x) => sure(x.product), right: (a, b) => contains(String(a), String(b)) },
  { field: 'urgency', label: (i) => i.expected.urgency.level, got: (x) => x.urgency.level, right: (a, b) => a === b },
]

const REAL: FieldScore<RealItem>[] = [
  { field: 'industry', label: (i) => i.labels.industry, got: (x) => sure(x.industry), right: (a, b) => a === b },
  { field: 'problemType', label: (i) => i.labels.problemType, got: (x) => sure(x.problemType), right: (a, b) => a === b },
  {
    field: 'demands',
    label: (i) => (i.labels.demands.length ? i.labels.demands : null),
    got: (x) => sure(x.demands),
    right: (a, b) => sameSet(a as string[], b as string[]),
  },
  { field: 'amountYuan', label: (i) => i.labels.amountYuan, got: (x) => sure(x.amountYuan), right: (a, b) => Number(a) === Number(b) },
  {
    field: 'purchaseDate',
    label: (i) => i.labels.purchaseDate,
    got: (x) => sure(x.purchaseDate),
    right: (a, b) => sameDate(String(a), String(b)),
  },
  { field: 'urgent', label: (i) => i.labels.urgent, got: (x) => urgentOf(x), right: (a, b) => a === b },
  { field: 'merchant', label: (i) => i.labels.merchant, got: (x) => sure(x.merchant), right: (a, b) => sameMerchant(String(a), String(b)) },
]

interface Tally {
  labelled: number
  proposed: number
  /** proposals on items that have a label (the coverage numerator) */
  proposedLabelled: number
  right: number
}

function score<T>(
  items: T[],
  fields: FieldScore<T>[],
  extract: (item: T) => Extraction,
  onMiss?: (item: T, field: string, label: unknown, got: unknown) => void,
) {
  const tallies = new Map(fields.map((f) => [f.field, { labelled: 0, proposed: 0, proposedLabelled: 0, right: 0 } as Tally]))
  let badShapes = 0
  for (const item of items) {
    const x = extract(item)
    if (!ExtractionSchema.safeParse(x).success) badShapes++
    for (const f of fields) {
      const t = tallies.get(f.field)
      if (!t) throw new Error(`no tally for ${f.field}`)
      const label = f.label(item)
      const got = f.got(x)
      if (label !== null) t.labelled++
      if (got === null) continue
      t.proposed++
      if (label !== null) t.proposedLabelled++
      if (label !== null && f.right(label, got)) t.right++
      else onMiss?.(item, f.field, label, got)
    }
  }
  return { tallies, badShapes }
}

const pct = (n: number, d: number) => (d === 0 ? '    -' : `${((100 * n) / d).toFixed(1)}%`.padStart(6))
const cell = (t: Tally) =>
  `${pct(t.right, t.proposed)} ${`${t.right}/${t.proposed}`.padStart(7)}  ${pct(t.proposedLabelled, t.labelled)}  ${pct(t.right, t.labelled)}`

function table(title: string, n: number, old: Map<string, Tally>, now: Map<string, Tally>, learned: string[]) {
  console.log(`\n${title} (${n} items) — proposed = confidence ≥ ${DEFAULT_MIN_CONFIDENCE}, what the form fills`)
  console.log(`  ${''.padEnd(13)}${'keyword rules only (as before)'.padEnd(37)}rules + learned classifiers`)
  console.log(`  ${'field'.padEnd(13)}${'acc@floor  right/prop  cover  recall'.padEnd(37)}acc@floor  right/prop  cover  recall`)
  for (const [field, t] of old) {
    const mark = learned.includes(field) ? '' : '   (no classifier: the current rules both sides)'
    console.log(`  ${field.padEnd(13)}${cell(t).padEnd(37)}${cell(now.get(field) ?? t)}${mark}`)
  }
}

function loadModel(): ExtractModel {
  const loaded = parseExtractModel(JSON.parse(readFileSync(WEIGHTS, 'utf8')))
  if (!loaded.ok) throw new Error(`${loaded.error.message}: ${loaded.error.issues.join('; ')}`)
  return loaded.model
}

// relative dates count from the page's publication date, or from nothing when it states none
const realCtx = (i: RealItem) => ({
  now: new Date(`${i.date ?? '2024-01-01'}T12:00:00+08:00`),
  referenceDate: i.date ? new Date(`${i.date}T12:00:00+08:00`) : null,
})

/** The train split's table and every miss on it — a wrong proposal, or a label with no proposal. */
function listTrainMisses(only: string | null, model: ExtractModel, learned: string[]) {
  const train = readRealCorpus('train')
  const misses: string[] = []
  const old = score(train, REAL, (i) => extractComplaint(i.text, realCtx(i)))
  const fields = REAL.filter((f) => !only || f.field === only)
  const now = score(train, REAL, (i) => extractComplaint(i.text, { ...realCtx(i), model }))
  table(`real-world TRAIN split (${train.length} items)`, train.length, old.tallies, now.tallies, learned)
  for (const i of train) {
    const x = extractComplaint(i.text, { ...realCtx(i), model })
    for (const f of fields) {
      const [label, got] = [f.label(i), f.got(x)]
      if (label === null && got === null) continue
      if (label !== null && got !== null && f.right(label, got)) continue
      misses.push(`  ${i.id} ${f.field}: ${JSON.stringify(label)} ≠ ${JSON.stringify(got)}  (ref ${i.date ?? '-'})\n     ${i.text}`)
    }
  }
  console.log(`\ntrain items a field got wrong or left empty (${misses.length}):`)
  for (const m of misses) console.log(m)
}

function main(): number {
  const model = loadModel()
  const learned = ['industry', 'problemType', 'demands']
  console.log(`weights: ${WEIGHTS} (${(statSync(WEIGHTS).size / 1024).toFixed(1)} KB)`)

  const { items: hand, problems } = loadLabelledSet()
  if (problems.length > 0) for (const p of problems.slice(0, 50)) console.error(`  invalid label: ${p}`)
  if (hand.length < MIN_ITEMS) console.error(`the hand-written set needs at least ${MIN_ITEMS} items (has ${hand.length})`)
  const handCtx = (i: LabelledComplaint) => ({ now: new Date(i.now), shops: i.shops })
  const handOld = score(hand, HAND, (i) => extractComplaint(i.text, handCtx(i)))
  const handNew = score(hand, HAND, (i) => extractComplaint(i.text, { ...handCtx(i), model }))
  table('hand-written set (tests/fixtures/complaints; never trained on)', hand.length, handOld.tallies, handNew.tallies, learned)
  // its holdout-* items were written after the rules were frozen: the rules' figures on the rest flatter them
  const holdout = hand.filter((i) => i.id.startsWith('holdout-'))
  const holdOld = score(holdout, HAND, (i) => extractComplaint(i.text, handCtx(i)))
  const holdNew = score(holdout, HAND, (i) => extractComplaint(i.text, { ...handCtx(i), model }))
  table('  of which holdout-* (written after the rules were frozen)', holdout.length, holdOld.tallies, holdNew.tallies, learned)

  const trainFlag = process.argv.find((a) => a.startsWith('--train-misses'))
  if (trainFlag) {
    listTrainMisses(trainFlag.split('=')[1] ?? null, model, learned)
    return 0
  }
  const test = readRealCorpus('test')
  const misses: string[] = []
  const realOld = score(test, REAL, (i) => extractComplaint(i.text, realCtx(i)))
  const realNew = score(
    test,
    REAL,
    (i) => extractComplaint(i.text, { ...realCtx(i), model }),
    (i, field, label, got) => misses.push(`  ${i.id} ${field}: ${JSON.stringify(label)} ≠ ${JSON.stringify(got)}  ${i.text.slice(0, 40)}…`),
  )
  const sources = new Set(test.map((i) => i.source)).size
  table(`real-world TEST split (tests/fixtures/extract-real, ${sources} sources)`, test.length, realOld.tallies, realNew.tallies, learned)
  if (process.argv.includes('--misses')) {
    console.log('\nreal test items a proposal (with the classifiers) got wrong:')
    for (const m of misses) console.log(m)
  }
  const bad = handOld.badShapes + handNew.badShapes + realOld.badShapes + realNew.badShapes
  console.log(`\n${bad} extraction(s) failed ExtractionSchema`)
  return problems.length > 0 || hand.length < MIN_ITEMS || bad > 0 ? 1 : 0
}

process.exitCode = main()
