// Where extractComplaint meets the learned classifiers: given the rules' answers for industry line,
// problem type and demands, return the combined ones. A parsed model carries this as `combine`; without
// a model (not loaded yet, or refused by the loader) extractComplaint keeps the rules' answers.
import type { Demand, ProblemType } from '../../classification'
import type { IndustryLine } from '../../industry'
import type { ExtractModel } from './model'
import { vectorOf } from './model'
import { proposeClass, proposeDemandSet, type RuleAnswer } from './propose'

export interface ClassifiedFields {
  industry: RuleAnswer<IndustryLine>
  problem: RuleAnswer<ProblemType>
  demands: RuleAnswer<Demand[]> | null
}

export function withModel(input: string, model: ExtractModel, rules: ClassifiedFields): ClassifiedFields {
  const x = vectorOf(model, input)
  const industry = proposeClass(model, model.industry, x, rules.industry)
  const problem = proposeClass(model, model.problemType, x, rules.problem)
  const demands = proposeDemandSet(model, x, rules.demands)
  return {
    industry: { value: industry.value, confidence: industry.confidence, evidence: industry.evidence },
    problem: { value: problem.value, confidence: problem.confidence, evidence: problem.evidence },
    demands: demands && { value: demands.value, confidence: demands.confidence, evidence: demands.evidence },
  }
}
