// Fast experiments on the last layer (stacker inputs, propose target), on the TRAIN split only.
// Phase 1 (slow, once): the heads' held-out logits over the trainer's 5 folds by source, cached in a
// JSON file. Phase 2 (seconds): each variant of the stacker and the propose point is fitted on four
// folds' held-out rows and scored on the fifth — so the propose point is judged on sources it was not
// chosen on, which the trainer's own report (chosen and scored on the same rows) cannot show.
// nested-cv.ts runs the real pipeline the same way, heads included (slow).
//   npx tsx scripts/extract-model/stack-experiments.ts build /tmp/logits.json
//   npx tsx scripts/extract-model/stack-experiments.ts run /tmp/logits.json
import { readFileSync, writeFileSync } from 'node:fs'
import { DEMANDS, type Demand, PROBLEM_TYPES } from '../../src/domain/classification'
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { removeFraming } from '../../src/domain/extract/framing'
import { normalize } from '../../src/domain/extract/text'
import { logit, sigmoid, softmax } from '../../src/domain/extract/model/calibrate'
import { INDUSTRY_LINES } from '../../src/domain/industry'
import { trainLogReg } from './logreg'
import { proposePoint } from './stack'
import { crossFit, DEFAULT_OPTIONS, fnv, type TrainingDoc } from './train'
import { trainingDocs } from './training-docs'

interface HeadCache {
  inner: Record<number, number[]>
  outer: Record<number, number[]>
}
interface FoldCache {
  rest: number[]
  out: number[]
  heads: Record<string, HeadCache>
}

/** KS_EXP_TEXT=framing: the heads read the text with the reporters' lead-ins blanked (framing.ts) */
const headText = (text: string) => (process.env.KS_EXP_TEXT === 'framing' ? removeFraming(normalize(text)) : text)

const sourceList = (path: string | undefined) => (path ? new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean)) : null)
/** KS_EXP_SOURCES=file (one source a line): only these sources' documents — to run a cache built before sources were added */
const onlySources = sourceList(process.env.KS_EXP_SOURCES)
/** KS_EXP_SCORE=file: score the held-out documents of these sources only, so that two training sets are compared on one scored set */
const scoreSources = sourceList(process.env.KS_EXP_SCORE)
const scored = (d: TrainingDoc) => !scoreSources || scoreSources.has(d.group)
/** KS_EXP_POINT_SOURCES=file: the propose point is chosen on these sources' held-out rows only (the stacker still sees every row) */
const pointSources = sourceList(process.env.KS_EXP_POINT_SOURCES)
const forPoint = (d: TrainingDoc) => !pointSources || pointSources.has(d.group)
const docsOf = () => trainingDocs().filter((d) => !onlySources || onlySources.has(d.group))

function build(path: string) {
  const docs = docsOf().map((d) => ({ ...d, text: headText(d.text) }))
  // KS_EXP_HEAD='{"iterations":600}': merged into both heads' options
  const head = JSON.parse(process.env.KS_EXP_HEAD ?? '{}') as Partial<typeof DEFAULT_OPTIONS.classHead>
  // KS_EXP_DEMAND_HEAD='{"keep":2000}': merged into the demand heads' options only (after KS_EXP_HEAD)
  const demandHead = JSON.parse(process.env.KS_EXP_DEMAND_HEAD ?? '{}') as Partial<typeof DEFAULT_OPTIONS.demandHead>
  const o = {
    ...DEFAULT_OPTIONS,
    classHead: { ...DEFAULT_OPTIONS.classHead, ...head },
    demandHead: { ...DEFAULT_OPTIONS.demandHead, ...head, ...demandHead },
  }
  // one set of held-out logits (the trainer's 5 folds by source): every document's logits come from a head
  // that did not see its source; the outer folds of phase 2 are the same folds
  const heads: Record<string, number[][]> = {}
  const run = (name: string, ys: number[], classes: number, ho: typeof o.classHead) => {
    heads[name] = crossFit(docs, ys, classes, ho, o.folds, 'foldAverage').heldOut
    console.error(`head ${name}`)
  }
  run(
    'industry',
    docs.map((d) => INDUSTRY_LINES.indexOf(d.industry)),
    INDUSTRY_LINES.length,
    o.classHead,
  )
  run(
    'problemType',
    docs.map((d) => PROBLEM_TYPES.indexOf(d.problemType)),
    PROBLEM_TYPES.length,
    o.classHead,
  )
  for (const demand of DEMANDS) {
    if (docs.filter((d) => d.demands.includes(demand)).length < 2) continue
    run(
      `demand:${demand}`,
      docs.map((d) => (d.demands.includes(demand) ? 1 : 0)),
      2,
      o.demandHead,
    )
  }
  const folds: FoldCache[] = []
  for (let f = 0; f < o.folds; f++) {
    const rest = docs.map((_, i) => i).filter((i) => fnv(docs[i].group) % o.folds !== f)
    const out = docs.map((_, i) => i).filter((i) => fnv(docs[i].group) % o.folds === f)
    const asRecord = (z: number[][]) => Object.fromEntries(z.map((v, i) => [i, v]))
    folds.push({
      rest,
      out,
      heads: Object.fromEntries(Object.entries(heads).map(([k, z]) => [k, { inner: asRecord(z), outer: asRecord(z) }])),
    })
  }
  writeFileSync(path, JSON.stringify(folds))
}

// ---- phase 2 ----
interface Row {
  x: number[]
  right: boolean
}
function fitLogistic(rows: Row[], l2 = 1e-3) {
  const k = rows[0].x.length
  const xs = rows.map((r) => ({ index: r.x.map((_, j) => j), value: r.x }))
  const m = trainLogReg(
    xs,
    rows.map((r) => (r.right ? 1 : 0)),
    2,
    k,
    { l2, iterations: 2000, learningRate: 0.05 },
  )
  const w = Array.from({ length: k }, (_, j) => m.weights[j * 2 + 1] - m.weights[j * 2])
  const b = m.bias[1] - m.bias[0]
  return (x: number[]) => sigmoid(x.reduce((s, v, j) => s + v * w[j], b))
}

type Rules = ReturnType<typeof rulesOf>
function rulesOf(d: TrainingDoc) {
  const x = extractComplaint(d.text, { now: d.now })
  return {
    industry: x.industry ?? { value: '一般消费纠纷', confidence: 0 },
    problemType: x.problemType ?? { value: '其他', confidence: 0 },
    demands: x.demands,
  }
}

interface Variant {
  name: string
  /** stacker inputs of a class candidate */
  inputs: (p: number[], c: number, ruleSays: boolean, ruleConfidence: number, ruleClassRel: number) => number[]
  target: number
  z: number
}

const base: Variant['inputs'] = (p, c, rs, rc) => [logit(p[c]), rs ? 1 : 0, rs ? rc : 0]
const margin: Variant['inputs'] = (p, c, rs, rc) => {
  const other = Math.max(...p.filter((_, k) => k !== c))
  return [logit(p[c]), rs ? 1 : 0, rs ? rc : 0, Math.max(-8, Math.min(8, Math.log(p[c] / other)))]
}
const reliability: Variant['inputs'] = (p, c, rs, rc, rel) => [logit(p[c]), rs ? 1 : 0, rs ? rc : 0, rs ? logit(rel) : 0]

function classField(
  name: 'industry' | 'problemType',
  classes: readonly string[],
  docs: TrainingDoc[],
  rules: Rules[],
  cache: FoldCache[],
  v: Variant,
) {
  let proposed = 0
  let right = 0
  let items = 0
  const label = (i: number) => docs[i][name] as string
  for (const fold of cache) {
    const h = cache && fold.heads[name]
    // rule reliability per class, on the inner docs: (right + 1) / (said + 2)
    const said = new Map<string, [number, number]>()
    for (const i of fold.rest) {
      const r = rules[i][name]
      const t = said.get(r.value) ?? [0, 0]
      said.set(r.value, [t[0] + (r.value === label(i) ? 1 : 0), t[1] + 1])
    }
    const rel = (value: string) => {
      const t = said.get(value) ?? [0, 0]
      return (t[0] + 1) / (t[1] + 2)
    }
    const candidates = (i: number, z: number[]) => {
      const p = softmax(z)
      const best = p.indexOf(Math.max(...p))
      const r = rules[i][name]
      const values = r.value === classes[best] ? [best] : [best, classes.indexOf(r.value)]
      return values.map((c) => ({ c, x: v.inputs(p, c, r.value === classes[c], r.confidence, rel(classes[c])) }))
    }
    const rows: Row[] = fold.rest.flatMap((i) => candidates(i, h.inner[i]).map((c) => ({ x: c.x, right: classes[c.c] === label(i) })))
    const stack = fitLogistic(rows)
    const choose = (i: number, z: number[]) => {
      const best = candidates(i, z)
        .map((c) => ({ c: c.c, q: stack(c.x) }))
        .reduce((a, b) => (b.q > a.q ? b : a))
      return { probability: best.q, right: classes[best.c] === label(i) }
    }
    const at = proposePoint(
      fold.rest.filter((i) => forPoint(docs[i])).map((i) => choose(i, h.inner[i])),
      v.target,
      v.z,
    )
    for (const i of fold.out) {
      if (!scored(docs[i])) continue
      items++
      const c = choose(i, h.outer[i])
      if (c.probability >= at) {
        proposed++
        if (c.right) right++
      }
    }
  }
  return { proposed, right, items }
}

function demandsField(docs: TrainingDoc[], rules: Rules[], cache: FoldCache[], v: Variant) {
  let proposed = 0
  let right = 0
  const items = docs.filter((d) => d.demands.length > 0 && scored(d)).length
  for (const fold of cache) {
    const names = Object.keys(fold.heads).filter((k) => k.startsWith('demand:'))
    const perDemand = names.map((n) => {
      const demand = n.slice(7) as Demand
      const h = fold.heads[n]
      const x = (i: number, z: number[]) => {
        const r = rules[i].demands
        return [logit(softmax(z)[1]), r?.value.includes(demand) ? 1 : 0, r?.value.includes(demand) ? r.confidence : 0]
      }
      const stack = fitLogistic(fold.rest.map((i) => ({ x: x(i, h.inner[i]), right: docs[i].demands.includes(demand) })))
      return { demand, q: (i: number, inner: boolean) => stack(x(i, inner ? h.inner[i] : h.outer[i])) }
    })
    const setOf = (i: number, inner: boolean) => {
      const qs = perDemand.map((d) => ({ demand: d.demand, q: d.q(i, inner) }))
      const value = qs.filter((d) => d.q >= 0.5).map((d) => d.demand)
      // KS_EXP_SET=min: the set's score is its least sure decision instead of the product of all of them
      const probability =
        process.env.KS_EXP_SET === 'min'
          ? Math.min(...qs.map((d) => (value.includes(d.demand) ? d.q : 1 - d.q)))
          : qs.reduce((prod, d) => prod * (value.includes(d.demand) ? d.q : 1 - d.q), 1)
      const label = docs[i].demands
      return { value, probability, right: value.length === label.length && value.every((x) => label.includes(x)) }
    }
    const made = fold.rest
      .filter((i) => forPoint(docs[i]))
      .map((i) => setOf(i, true))
      .filter((s) => s.value.length > 0)
    const at = proposePoint(made, v.target, v.z)
    for (const i of fold.out) {
      if (!scored(docs[i])) continue
      const s = setOf(i, false)
      if (s.value.length > 0 && s.probability >= at) {
        proposed++
        if (s.right && docs[i].demands.length > 0) right++
      }
    }
  }
  return { proposed, right, items }
}

function run(path: string) {
  const docs = docsOf()
  const cache = JSON.parse(readFileSync(path, 'utf8')) as FoldCache[]
  const rules = docs.map(rulesOf)
  const variants: Variant[] = []
  const stackers = { base, margin, ruleReliability: reliability }
  const only = process.env.KS_EXP_STACK
  for (const [name, inputs] of Object.entries(stackers).filter(([n]) => !only || n === only))
    for (const target of [0.9, 0.91, 0.92, 0.93, 0.94]) variants.push({ name: `${name} t=${target}`, inputs, target, z: 1.2816 })
  const fmt = (r: { proposed: number; right: number; items: number }) =>
    `${((100 * r.right) / Math.max(1, r.proposed)).toFixed(1)}% ${r.right}/${r.proposed} cov ${((100 * r.proposed) / r.items).toFixed(1)}%`
  for (const v of variants) {
    const ind = classField('industry', INDUSTRY_LINES, docs, rules, cache, v)
    const pt = classField('problemType', PROBLEM_TYPES, docs, rules, cache, v)
    const dm = demandsField(docs, rules, cache, v)
    console.log(`${v.name.padEnd(24)} industry ${fmt(ind)} | problemType ${fmt(pt)} | demands ${fmt(dm)}`)
  }
}

const [mode, path] = process.argv.slice(2)
if (mode === 'build') build(path)
else run(path)
