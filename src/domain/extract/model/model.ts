// A checked weight file, ready to score texts (parse.ts builds it). extractComplaint sees only the
// type and calls `combine`, so the scoring code travels with the weights, not with the extractor.
import type { Demand, ProblemType } from '../../classification'
import type { IndustryLine } from '../../industry'
import { featurize } from './features'
import type { ClassifiedFields } from './with-model'
import type { StackWeights } from './weights.schema'

export interface DenseHead {
  /** vocabulary index → row in `weights` */
  rows: Map<number, number>
  weights: Float64Array
  bias: number[]
  columns: number
}

export interface ClassModel<T extends string> {
  classes: T[]
  head: DenseHead
  stack: StackWeights
  proposeAt: number
}

export interface ExtractModel {
  vocabulary: Map<string, number>
  /** index → n-gram, to show which words a proposal came from */
  grams: string[]
  industry: ClassModel<IndustryLine>
  problemType: ClassModel<ProblemType>
  demands: { heads: { demand: Demand; head: DenseHead; stack: StackWeights }[]; proposeAt: number }
  /** the rules' answers for industry, problem type and demands, combined with this model's (with-model.ts) */
  combine: (input: string, rules: ClassifiedFields) => ClassifiedFields
}

/** a text's vector, computed once and scored by every head */
export const vectorOf = (model: ExtractModel, input: string) => featurize(input, model.vocabulary)

export function headLogits(head: DenseHead, x: { index: number[]; value: number[] }): number[] {
  const z = [...head.bias]
  for (let k = 0; k < x.index.length; k++) {
    const row = head.rows.get(x.index[k])
    if (row === undefined) continue
    for (let c = 0; c < head.columns; c++) z[c] += head.weights[row * head.columns + c] * x.value[k]
  }
  return z
}
