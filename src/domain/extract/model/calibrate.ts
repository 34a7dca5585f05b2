// From a head's raw scores and the rules' answer to a calibrated probability that a value is right,
// and from that to the form's confidence. Shared by the scorer and the trainer (which fits the
// numbers), so both compute exactly the same thing.
import type { StackWeights } from './weights.schema'

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z)
  const e = z.map((v) => Math.exp(v - max))
  const sum = e.reduce((s, v) => s + v, 0)
  return e.map((v) => v / sum)
}

const LOGIT_LIMIT = 8
/** log-odds of a probability, kept finite */
export const logit = (p: number) => Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, Math.log(p / (1 - p))))

/** what the stacker sees of one candidate value: the model's probability for it and whether (and how surely) the rules say it */
export interface Candidate {
  modelProbability: number
  ruleSays: boolean
  ruleConfidence: number
}

export const stackInputs = (c: Candidate): [number, number, number] => [
  logit(c.modelProbability),
  c.ruleSays ? 1 : 0,
  c.ruleSays ? c.ruleConfidence : 0,
]

export function stacked(s: StackWeights, c: Candidate): number {
  const [m, r, rc] = stackInputs(c)
  return sigmoid(s.model * m + s.rule * r + s.ruleConfidence * rc + s.bias)
}

/**
 * The form proposes at confidence ≥ 0.5 (merge-proposal.ts). The trainer chose `proposeAt`, the
 * calibrated probability from which proposals were right often enough on held-out training sources;
 * it maps to 0.5, below it stays under 0.5 (never rounding up to the bar), above it rises to 1.
 */
export function confidenceOf(probability: number, proposeAt: number): number {
  if (probability < proposeAt || proposeAt >= 1) return Math.min(0.49, Math.floor((50 * probability) / Math.max(proposeAt, 1e-9)) / 100)
  return Math.max(0.5, Math.floor(100 * (0.5 + (0.5 * (probability - proposeAt)) / (1 - proposeAt))) / 100)
}
