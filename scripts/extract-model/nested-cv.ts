// How the whole training would do on sources it never saw, measured on the TRAIN split only: 5 outer
// folds by source; each trains the weight file (with its own inner folds, stacker and propose point) on
// the other four and scores the fold it left out, as `npm run eval:extract` scores the test split.
// This is how settings are chosen without looking at the test split (docs/extract-model.md).
//   npx tsx scripts/extract-model/nested-cv.ts                       (the default options)
//   npx tsx scripts/extract-model/nested-cv.ts '{"folds":4}'     (options merged into DEFAULT_OPTIONS)
// Besides the shipped targets ('shipped') it prints what other propose targets would have given. Slow:
// five trainings (about 15 min on a busy machine).
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import type { ExtractModel } from '../../src/domain/extract/model/model'
import { vectorOf } from '../../src/domain/extract/model/model'
import { parseExtractModel } from '../../src/domain/extract/model/parse'
import { proposeClass, proposeDemandSet } from '../../src/domain/extract/model/propose'
import type { ClassifiedFields } from '../../src/domain/extract/model/with-model'
import { proposePoint } from './stack'
import { DEFAULT_OPTIONS, type TrainingDoc, type TrainOptions, trainExtractModel } from './train'
import { trainingDocs } from './training-docs'

type Field = 'industry' | 'problemType' | 'demands'
const FIELDS: Field[] = ['industry', 'problemType', 'demands']
const TARGETS = [0.88, 0.9, 0.92, 0.94]

function fnvOuter(s: string): number {
  // not the trainer's fold hash: a different salt, so the inner folds are not the outer ones minus one
  let h = 2166136261
  for (const ch of `outer:${s}`) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 16777619) >>> 0
  }
  return h
}

/** the rules' answers exactly as extractComplaint hands them to the model */
function rulesOf(doc: TrainingDoc, model: ExtractModel): ClassifiedFields {
  let seen: ClassifiedFields | null = null
  extractComplaint(doc.text, { now: doc.now, model: { ...model, combine: (_input, rules) => (seen = rules) } })
  if (!seen) throw new Error('extractComplaint did not consult the model')
  return seen
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

function outerScores(doc: TrainingDoc, model: ExtractModel) {
  const rules = rulesOf(doc, model)
  const x = vectorOf(model, doc.text)
  const industry = proposeClass(model, model.industry, x, rules.industry)
  const problem = proposeClass(model, model.problemType, x, rules.problem)
  const demands = proposeDemandSet(model, x, rules.demands)
  return {
    industry: { probability: industry.probability, right: industry.value === doc.industry, labelled: true },
    problemType: { probability: problem.probability, right: problem.value === doc.problemType, labelled: true },
    demands: demands
      ? { probability: demands.probability, right: sameSet(demands.value, doc.demands), labelled: doc.demands.length > 0 }
      : { probability: -1, right: false, labelled: doc.demands.length > 0 },
  }
}

function main() {
  const override = JSON.parse(process.argv[2] ?? '{}') as Partial<TrainOptions>
  const o: TrainOptions = { ...DEFAULT_OPTIONS, ...override }
  const docs = trainingDocs()
  const folds = 5
  // per field and target: proposed, right; labelled per field
  const tally = new Map<string, { proposed: number; right: number }>()
  const labelled: Record<Field, number> = { industry: 0, problemType: 0, demands: 0 }
  const add = (key: string, right: boolean) => {
    const t = tally.get(key) ?? { proposed: 0, right: 0 }
    t.proposed++
    if (right) t.right++
    tally.set(key, t)
  }
  for (let f = 0; f < folds; f++) {
    const inFold = docs.filter((d) => fnvOuter(d.group) % folds === f)
    const rest = docs.filter((d) => fnvOuter(d.group) % folds !== f)
    const { file, scored } = trainExtractModel(rest, o)
    const parsed = parseExtractModel(file)
    if (!parsed.ok) throw new Error(parsed.error.issues.join('; '))
    const points = Object.fromEntries(
      FIELDS.map((field) => [field, [file[field].proposeAt, ...TARGETS.map((t) => proposePoint(scored[field], t))]]),
    ) as Record<Field, number[]>
    for (const d of inFold) {
      const s = outerScores(d, parsed.model)
      for (const field of FIELDS) {
        if (s[field].labelled) labelled[field]++
        points[field].forEach((at, k) => {
          if (s[field].probability >= 0 && s[field].probability >= at) add(`${field}@${k}`, s[field].right && s[field].labelled)
        })
      }
    }
    console.error(`outer fold ${f + 1}/${folds}: trained on ${rest.length}, scored ${inFold.length}`)
  }
  console.log(`nested cross-validation on the train split (${docs.length} items), options ${JSON.stringify(override)}`)
  for (const field of FIELDS) {
    const row = ['shipped', ...TARGETS.map((t) => `t=${t}`)].map((name, k) => {
      const x = tally.get(`${field}@${k}`) ?? { proposed: 0, right: 0 }
      const acc = ((100 * x.right) / Math.max(1, x.proposed)).toFixed(1)
      return `${name} ${acc}% ${x.right}/${x.proposed} cov ${((100 * x.proposed) / labelled[field]).toFixed(1)}%`
    })
    console.log(`  ${field.padEnd(12)} ${row.join(' | ')}`)
  }
}

main()
