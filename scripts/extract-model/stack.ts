// Fitting the last, small layer on held-out predictions: how much a candidate value's model
// probability and the rules' say-so are worth (the stacker), and from which calibrated probability a
// proposal is right often enough to make (the propose point).
import { type Candidate, stackInputs } from '../../src/domain/extract/model/calibrate'
import type { StackWeights } from '../../src/domain/extract/model/weights.schema'
import { trainLogReg } from './logreg'

export interface StackRow {
  candidate: Candidate
  right: boolean
}

export function fitStack(rows: StackRow[]): StackWeights {
  const xs = rows.map((r) => ({ index: [0, 1, 2], value: stackInputs(r.candidate) }))
  const ys = rows.map((r) => (r.right ? 1 : 0))
  const m = trainLogReg(xs, ys, 2, 3, { l2: 1e-3, iterations: 2000, learningRate: 0.05 })
  // two-class softmax → one logistic: the difference of the columns
  const w = (f: number) => m.weights[f * 2 + 1] - m.weights[f * 2]
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4
  return { model: r4(w(0)), rule: r4(w(1)), ruleConfidence: r4(w(2)), bias: r4(m.bias[1] - m.bias[0]) }
}

/** Wilson score lower bound of a proportion, one-sided at z standard deviations */
export function wilsonLower(right: number, n: number, z: number): number {
  if (n === 0) return 0
  const p = right / n
  const z2 = z * z
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
}

/**
 * The lowest probability from which the proposals made are right at least `target` of the time on the
 * held-out predictions — the point that keeps the most proposals — where "at least" is the Wilson lower
 * bound at `z` (1.28: one-sided 90 %), so that a few hundred held-out items do not promise more than they
 * show. 1 (never propose) when no point gets there; at least `minProposals` must be made for a point to count.
 */
export function proposePoint(scored: { probability: number; right: boolean }[], target: number, z = 1.2816, minProposals = 10): number {
  const sorted = [...scored].sort((a, b) => b.probability - a.probability)
  let right = 0
  let point = 1
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].right) right++
    const last = i + 1 === sorted.length || sorted[i + 1].probability < sorted[i].probability
    if (last && i + 1 >= minProposals && wilsonLower(right, i + 1, z) >= target) point = sorted[i].probability
  }
  return Math.floor(point * 1e4) / 1e4
}
