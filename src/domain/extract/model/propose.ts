// The learned classifiers' proposals for industry line, problem type and demands, each combined with
// what the keyword rules said. The rules stay in charge where they are sure: the stacker (fitted by
// the trainer on held-out training sources) gives a rule's answer its measured reliability, so a sure
// rule outweighs a hesitant model and a model that disagrees with an unsure rule wins.
import { DEMANDS, type Demand } from '../../classification'
import { type Candidate, confidenceOf, sigmoid, softmax, stacked } from './calibrate'
import { type ClassModel, type ExtractModel, headLogits, vectorOf } from './model'

type Vector = ReturnType<typeof vectorOf>

export interface RuleAnswer<T> {
  value: T
  confidence: number
  evidence: string
}

export interface ModelProposal<T> {
  value: T
  /** calibrated probability that the value is right */
  probability: number
  /** for the form: ≥ 0.5 exactly when probability ≥ the trained propose point */
  confidence: number
  evidence: string
}

/** the n-grams that pushed a column up the most, as evidence a person can read */
function topGrams(model: ExtractModel, head: ClassModel<string>['head'], x: Vector, column: number, count = 3): string {
  const contributions: [string, number][] = []
  for (let k = 0; k < x.index.length; k++) {
    const row = head.rows.get(x.index[k])
    if (row === undefined) continue
    const gram = model.grams[x.index[k]]
    if (gram.length < 2 || gram.includes('|')) continue
    contributions.push([gram, head.weights[row * head.columns + column] * x.value[k]])
  }
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return contributions
    .filter(([, w]) => w > 0)
    .slice(0, count)
    .map(([g]) => g)
    .join('、')
}

/** the model's probabilities over a head's classes, for a text already turned into a vector */
export function classProbabilities<T extends string>(cm: ClassModel<T>, x: Vector): number[] {
  return softmax(headLogits(cm.head, x))
}

export function proposeClass<T extends string>(
  model: ExtractModel,
  cm: ClassModel<T>,
  x: Vector,
  rule: RuleAnswer<T> | null,
): ModelProposal<T> {
  const p = classProbabilities(cm, x)
  const best = p.indexOf(Math.max(...p))
  const candidates = [cm.classes[best]]
  if (rule && rule.value !== candidates[0] && cm.classes.includes(rule.value)) candidates.push(rule.value)
  const scored = candidates.map((value) => {
    const c: Candidate = {
      modelProbability: p[cm.classes.indexOf(value)],
      ruleSays: rule?.value === value,
      ruleConfidence: rule?.confidence ?? 0,
    }
    return { value, probability: stacked(cm.stack, c) }
  })
  const chosen = scored.reduce((a, b) => (b.probability > a.probability ? b : a))
  const evidence =
    rule?.value === chosen.value && rule.evidence ? rule.evidence : topGrams(model, cm.head, x, cm.classes.indexOf(chosen.value))
  return { ...chosen, confidence: confidenceOf(chosen.probability, cm.proposeAt), evidence }
}

/** per demand: the calibrated probability that the person asks for it */
export function demandProbabilities(model: ExtractModel, x: Vector, rule: RuleAnswer<Demand[]> | null): Map<Demand, number> {
  const out = new Map<Demand, number>()
  for (const { demand, head, stack } of model.demands.heads) {
    const c: Candidate = {
      modelProbability: sigmoid(headLogits(head, x)[0]),
      ruleSays: !!rule?.value.includes(demand),
      ruleConfidence: rule?.confidence ?? 0,
    }
    out.set(demand, stacked(stack, c))
  }
  return out
}

/**
 * The demands asked for: each whose probability passes one half. The set's probability is that of
 * being exactly right (every chosen one asked for, every other not), which is what the form fills.
 */
export function proposeDemandSet(model: ExtractModel, x: Vector, rule: RuleAnswer<Demand[]> | null): ModelProposal<Demand[]> | null {
  const q = demandProbabilities(model, x, rule)
  const value = DEMANDS.filter((d) => (q.get(d) ?? 0) >= 0.5)
  if (value.length === 0) return null
  const probability = DEMANDS.reduce((prod, d) => (q.has(d) ? prod * (value.includes(d) ? (q.get(d) ?? 0) : 1 - (q.get(d) ?? 0)) : prod), 1)
  const evidence =
    rule && rule.value.length === value.length && value.every((d) => rule.value.includes(d))
      ? rule.evidence
      : value
          .map((d) => {
            const h = model.demands.heads.find((x) => x.demand === d)
            return h ? topGrams(model, h.head, x, 0, 1) : ''
          })
          .filter(Boolean)
          .join('、')
  return { value, probability, confidence: confidenceOf(probability, model.demands.proposeAt), evidence }
}
