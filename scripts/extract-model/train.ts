// Train the weight file from labelled documents: per head, held-out predictions over folds grouped by
// source (for the stacker and the propose point), then a fit on every document (the shipped weights).
// Deterministic: no randomness, folds from a hash of the source name, every list in a fixed order.
import { DEMANDS, type Demand, PROBLEM_TYPES, type ProblemType } from '../../src/domain/classification'
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { type Candidate, softmax, stacked } from '../../src/domain/extract/model/calibrate'
import { FEATURE_VERSION } from '../../src/domain/extract/model/features'
import { MODEL_FORMAT, type WeightFile } from '../../src/domain/extract/model/weights.schema'
import { INDUSTRY_LINES, type IndustryLine } from '../../src/domain/industry'
import { type FittedHead, fitHead, type HeadOptions, headLogits } from './heads'
import { fitStack, proposePoint, type StackRow } from './stack'

export interface TrainingDoc {
  /** the publication (or hand-written file) it comes from: folds never split a group */
  group: string
  text: string
  /** when the text was written, for the rules' relative dates (irrelevant to the classifiers) */
  now: Date
  industry: IndustryLine
  problemType: ProblemType
  demands: Demand[]
}

export interface TrainOptions {
  folds: number
  classHead: HeadOptions
  demandHead: HeadOptions
  /** per field, how often a proposal must be right on held-out sources (Wilson lower bound, one-sided 90 %) for the propose point */
  target: Record<'industry' | 'problemType' | 'demands', number>
  /** weights are stored as integers in units of this */
  step: number
  handWrittenItems: number
  /** the shipped heads: one fitted on every document, or the average of the fold heads */
  ship: 'full' | 'foldAverage'
}

export const DEFAULT_OPTIONS: TrainOptions = {
  folds: 5,
  classHead: { minDf: 2, keep: 4000, l2: 1e-4, iterations: 300, learningRate: 0.05, balance: 0 },
  demandHead: { minDf: 2, keep: 1000, l2: 1e-4, iterations: 300, learningRate: 0.05, balance: 0 },
  // Chosen on the train split only, by two estimates of how a propose point does on sources it was not chosen
  // on: stack-experiments.ts (stacker and point fitted on four folds' held-out rows, scored on the fifth) and
  // nested-cv.ts (the whole training on four fifths, scored on the fifth). Each field takes the lowest target
  // at which both give ≥ 92 %: industry at 0.9 gave 92.0 % and 91.6 %, at 0.92 93.6 % and 93.1 %; problem
  // type at 0.9 92.5 % and 96.0 %; demands at 0.9 92.7 % and 92.8 % (at 0.92 its point jumps: 88.2 % nested).
  target: { industry: 0.92, problemType: 0.9, demands: 0.9 },
  step: 0.01,
  handWrittenItems: 0,
  ship: 'full',
}

/** hand-written items (when trained on) come in groups named hand:<file> */
export const isReal = (d: TrainingDoc) => !d.group.startsWith('hand:')

/** FNV-1a: a stable fold for a source name */
export function fnv(s: string): number {
  let h = 2166136261
  for (const ch of s) {
    h ^= ch.codePointAt(0) ?? 0 // a character of a string always has one
    h = Math.imul(h, 16777619) >>> 0
  }
  return h
}

interface Rules {
  industry: { value: IndustryLine; confidence: number }
  problemType: { value: ProblemType; confidence: number }
  demands: { value: Demand[]; confidence: number } | null
}

function rulesOf(doc: TrainingDoc): Rules {
  const x = extractComplaint(doc.text, { now: doc.now })
  const fallback = { confidence: 0 }
  return {
    industry: x.industry ?? { value: '一般消费纠纷', ...fallback },
    problemType: x.problemType ?? { value: '其他', ...fallback },
    demands: x.demands,
  }
}

/** held-out logits for every document (each from a head fitted without its fold), and the head fitted on all */
export function crossFit(docs: TrainingDoc[], ys: number[], classes: number, o: HeadOptions, folds: number, ship: TrainOptions['ship']) {
  const foldOf = docs.map((d) => fnv(d.group) % folds)
  const heldOut: number[][] = new Array(docs.length)
  const fitted: FittedHead[] = []
  for (let f = 0; f < folds; f++) {
    const inFold = docs.map((_, i) => i).filter((i) => foldOf[i] === f)
    if (inFold.length === 0) continue
    const rest = docs.map((_, i) => i).filter((i) => foldOf[i] !== f)
    const head = fitHead(
      rest.map((i) => docs[i].text),
      rest.map((i) => ys[i]),
      classes,
      o,
    )
    fitted.push(head)
    for (const i of inFold) heldOut[i] = headLogits(head, docs[i].text)
  }
  if (ship === 'foldAverage') return { heldOut, full: averageHeads(fitted) }
  const full = fitHead(
    docs.map((d) => d.text),
    ys,
    classes,
    o,
  )
  return { heldOut, full }
}

/**
 * The fold heads averaged (a linear model's average is the average of its logits): the shipped head is
 * then the very one the stacker and the propose point were measured on, not a bolder one fitted on more data.
 */
function averageHeads(heads: FittedHead[]): FittedHead {
  const grams = [...new Set(heads.flatMap((h) => h.grams))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const at = new Map(grams.map((g, i) => [g, i]))
  const classes = heads[0].model.classes
  const weights = new Float64Array(grams.length * classes)
  const bias = new Float64Array(classes)
  for (const h of heads) {
    h.grams.forEach((g, f) => {
      const row = (at.get(g) ?? -1) * classes
      if (row < 0) throw new Error(`n-gram ${g} missing from the merged vocabulary`)
      for (let c = 0; c < classes; c++) weights[row + c] += h.model.weights[f * classes + c] / heads.length
    })
    for (let c = 0; c < classes; c++) bias[c] += h.model.bias[c] / heads.length
  }
  return { grams, model: { classes, features: grams.length, weights, bias } }
}

export interface HeldOutReport {
  field: string
  items: number
  proposed: number
  right: number
}

function classField<T extends string>(
  docs: TrainingDoc[],
  classes: readonly T[],
  label: (d: TrainingDoc) => T,
  rule: (r: Rules) => { value: T; confidence: number },
  rules: Rules[],
  o: TrainOptions,
  target: number,
) {
  const ys = docs.map((d) => classes.indexOf(label(d)))
  const { heldOut, full } = crossFit(docs, ys, classes.length, o.classHead, o.folds, o.ship)
  const candidatesOf = (i: number) => {
    const p = softmax(heldOut[i])
    const best = classes[p.indexOf(Math.max(...p))]
    const r = rule(rules[i])
    const values = r.value === best ? [best] : [best, r.value]
    return values.map((value) => ({
      value,
      candidate: { modelProbability: p[classes.indexOf(value)], ruleSays: r.value === value, ruleConfidence: r.confidence } as Candidate,
    }))
  }
  const rows: StackRow[] = docs.flatMap((d, i) => candidatesOf(i).map((c) => ({ candidate: c.candidate, right: c.value === label(d) })))
  const stack = fitStack(rows)
  const chosen = docs.map((d, i) => {
    const best = candidatesOf(i)
      .map((c) => ({ value: c.value, probability: stacked(stack, c.candidate) }))
      .reduce((a, b) => (b.probability > a.probability ? b : a))
    return { probability: best.probability, right: best.value === label(d) }
  })
  // the propose point and the report look at real-world items only: the floor is promised for those
  const real = chosen.filter((_, i) => isReal(docs[i]))
  const proposeAt = proposePoint(real, target)
  const proposed = real.filter((c) => c.probability >= proposeAt)
  return {
    head: { ...quantise(full, o.step), classes: [...classes], stack, proposeAt },
    report: { items: real.length, proposed: proposed.length, right: proposed.filter((c) => c.right).length },
    scored: real,
  }
}

/** integer weights (units of `step`) over the head's n-grams; binary heads keep one column, the yes−no difference */
function quantise(h: FittedHead, step: number, binary = false) {
  const classes = h.model.classes
  const columns = binary ? 1 : classes
  const weights: number[] = []
  for (let f = 0; f < h.grams.length; f++) {
    for (let c = 0; c < columns; c++) {
      const w = binary ? h.model.weights[f * 2 + 1] - h.model.weights[f * 2] : h.model.weights[f * classes + c]
      weights.push(Math.round(w / step))
    }
  }
  const bias = binary ? [h.model.bias[1] - h.model.bias[0]] : Array.from(h.model.bias)
  return { grams: h.grams, weights, bias: bias.map((b) => Math.round(b * 1e4) / 1e4) }
}

/** held-out calibrated probabilities of the proposals (real items; demands: items where a set was made), for nested-cv.ts */
export type HeldOutScores = Record<'industry' | 'problemType' | 'demands', { probability: number; right: boolean }[]>

export function trainExtractModel(
  docs: TrainingDoc[],
  o: TrainOptions = DEFAULT_OPTIONS,
): { file: WeightFile; report: HeldOutReport[]; scored: HeldOutScores } {
  const rules = docs.map(rulesOf)
  const industry = classField(
    docs,
    INDUSTRY_LINES,
    (d) => d.industry,
    (r) => r.industry,
    rules,
    o,
    o.target.industry,
  )
  const problemType = classField(
    docs,
    PROBLEM_TYPES,
    (d) => d.problemType,
    (r) => r.problemType,
    rules,
    o,
    o.target.problemType,
  )

  // demands: one yes/no head per demand that the training texts ask for at least twice
  const present = DEMANDS.filter((d) => docs.filter((x) => x.demands.includes(d)).length >= 2)
  const demandHeads = present.map((demand) => {
    const ys = docs.map((d) => (d.demands.includes(demand) ? 1 : 0))
    const { heldOut, full } = crossFit(docs, ys, 2, o.demandHead, o.folds, o.ship)
    const candidate = (i: number): Candidate => ({
      modelProbability: softmax(heldOut[i])[1],
      ruleSays: !!rules[i].demands?.value.includes(demand),
      ruleConfidence: rules[i].demands?.confidence ?? 0,
    })
    const stack = fitStack(docs.map((_, i) => ({ candidate: candidate(i), right: ys[i] === 1 })))
    const q = docs.map((_, i) => stacked(stack, candidate(i)))
    return { demand, stack, q, head: quantise(full, o.step, true) }
  })
  const sets = docs.map((d, i) => {
    const value = demandHeads.filter((h) => h.q[i] >= 0.5).map((h) => h.demand)
    const probability = demandHeads.reduce((prod, h) => prod * (value.includes(h.demand) ? h.q[i] : 1 - h.q[i]), 1)
    const right = value.length === d.demands.length && value.every((v) => d.demands.includes(v))
    return { value, probability, right }
  })
  const made = sets.filter((s, i) => s.value.length > 0 && isReal(docs[i]))
  const demandsAt = proposePoint(made, o.target.demands)
  const demandsProposed = made.filter((s) => s.probability >= demandsAt)

  // one vocabulary for every head, sorted; each head lists its n-grams by index into it
  const vocabulary = [...new Set([industry.head, problemType.head, ...demandHeads.map((h) => h.head)].flatMap((h) => h.grams))].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  )
  const at = new Map(vocabulary.map((g, i) => [g, i]))
  const linear = (h: { grams: string[]; weights: number[]; bias: number[] }) => ({
    features: h.grams.map((g) => at.get(g) ?? -1),
    weights: h.weights,
    bias: h.bias,
  })
  const file: WeightFile = {
    format: MODEL_FORMAT,
    features: FEATURE_VERSION,
    step: o.step,
    trainedOn: {
      realTrainItems: docs.length - o.handWrittenItems,
      realTrainSources: new Set(docs.map((d) => d.group).filter((g) => !g.startsWith('hand:'))).size,
      handWrittenItems: o.handWrittenItems,
    },
    vocabulary,
    industry: {
      ...linear(industry.head),
      classes: industry.head.classes,
      stack: industry.head.stack,
      proposeAt: industry.head.proposeAt,
    },
    problemType: {
      ...linear(problemType.head),
      classes: problemType.head.classes,
      stack: problemType.head.stack,
      proposeAt: problemType.head.proposeAt,
    },
    demands: {
      heads: demandHeads.map((h) => ({ ...linear(h.head), demand: h.demand, stack: h.stack })),
      proposeAt: demandsAt,
    },
  }
  const report: HeldOutReport[] = [
    { field: 'industry', ...industry.report },
    { field: 'problemType', ...problemType.report },
    {
      field: 'demands',
      items: docs.filter((d) => d.demands.length > 0 && isReal(d)).length,
      proposed: demandsProposed.length,
      right: demandsProposed.filter((s) => s.right).length,
    },
  ]
  return { file, report, scored: { industry: industry.scored, problemType: problemType.scored, demands: made } }
}
