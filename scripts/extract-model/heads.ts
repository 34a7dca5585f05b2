// One classifier head: pick its n-grams from the training texts (document frequency, then chi²
// against the labels), fit logistic regression, and score new texts. Used for the industry line,
// the problem type (softmax over their classes) and each demand (yes/no).
import { featurize, ngramCounts } from '../../src/domain/extract/model/features'
import { logits, type LogReg, softmax, trainLogReg, type Sparse } from './logreg'

export interface HeadOptions {
  /** keep n-grams seen in at least this many training texts */
  minDf: number
  /** then the this many with the highest chi² against the labels */
  keep: number
  l2: number
  iterations: number
  learningRate: number
  /** weigh items so that every class counts as if it had the same number of items, raised to this power (0: no balancing) */
  balance: number
}

export interface FittedHead {
  grams: string[]
  model: LogReg
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** chi² of "text has the n-gram" against each class, the largest over classes */
function chi2(present: boolean[], ys: number[], classes: number): number {
  const n = ys.length
  const a = new Array<number>(classes).fill(0) // present & class
  const perClass = new Array<number>(classes).fill(0)
  let df = 0
  for (let i = 0; i < n; i++) {
    perClass[ys[i]]++
    if (present[i]) {
      df++
      a[ys[i]]++
    }
  }
  let best = 0
  for (let c = 0; c < classes; c++) {
    const A = a[c]
    const B = df - A
    const C = perClass[c] - A
    const D = n - A - B - C
    const den = (A + C) * (B + D) * (A + B) * (C + D)
    if (den > 0) best = Math.max(best, (n * (A * D - B * C) ** 2) / den)
  }
  return best
}

export function selectGrams(texts: string[], ys: number[], classes: number, o: Pick<HeadOptions, 'minDf' | 'keep'>): string[] {
  const sets = texts.map((t) => new Set(ngramCounts(t).keys()))
  const df = new Map<string, number>()
  for (const s of sets) for (const g of s) df.set(g, (df.get(g) ?? 0) + 1)
  const candidates = [...df]
    .filter(([, d]) => d >= o.minDf)
    .map(([g]) => g)
    .sort(byString)
  const scored = candidates.map((g) => ({
    g,
    score: chi2(
      sets.map((s) => s.has(g)),
      ys,
      classes,
    ),
  }))
  scored.sort((x, y) => y.score - x.score || byString(x.g, y.g))
  return scored
    .slice(0, o.keep)
    .map((s) => s.g)
    .sort(byString)
}

export function fitHead(texts: string[], ys: number[], classes: number, o: HeadOptions): FittedHead {
  const grams = selectGrams(texts, ys, classes, o)
  const vocabulary = new Map(grams.map((g, i) => [g, i]))
  const xs: Sparse[] = texts.map((t) => featurize(t, vocabulary))
  const counts = new Array<number>(classes).fill(0)
  for (const y of ys) counts[y]++
  const itemWeights = ys.map((y) => (ys.length / (classes * counts[y])) ** o.balance)
  const model = trainLogReg(xs, ys, classes, grams.length, { ...o, itemWeights })
  return { grams, model }
}

/** raw logits of a fitted head for a text */
export function headLogits(head: FittedHead, text: string): number[] {
  const vocabulary = new Map(head.grams.map((g, i) => [g, i]))
  return Array.from(logits(head.model, featurize(text, vocabulary)))
}

export const probabilities = (z: number[], temperature = 1) => softmax(z, 1 / temperature)
