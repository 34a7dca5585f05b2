// The shipped weight file (weights.json, written by `npm run train:extract`) as a schema. The loader
// checks a file against it before use, so a truncated or hand-edited file is refused with a reason
// instead of proposing nonsense.
import { z } from 'zod'
import { DEMANDS, PROBLEM_TYPES } from '../../classification'
import { INDUSTRY_LINES } from '../../industry'
import { FEATURE_VERSION } from './features'

export const MODEL_FORMAT = 'kuaisu-extract-model/1'

const int = z.number().int()

/**
 * How a candidate's calibrated probability of being right is computed from the model and the rules:
 * σ(model·logit(p) + rule·[rule says it] + ruleConfidence·[rule says it]·confidence + bias).
 */
const Stack = z.strictObject({ model: z.number(), rule: z.number(), ruleConfidence: z.number(), bias: z.number() })

/** a linear head over a subset of the vocabulary; weights are integers in units of the file's `step` */
const Linear = z.strictObject({
  features: z.array(int.nonnegative()),
  weights: z.array(int),
  bias: z.array(z.number()),
})

const ClassHead = <T extends readonly [string, ...string[]]>(classes: T) =>
  Linear.extend({
    classes: z.array(z.enum(classes)).min(2),
    stack: Stack,
    /** the calibrated probability at which a proposal is made (confidence 0.5) */
    proposeAt: z.number().min(0).max(1),
  })

const DemandHead = Linear.extend({ demand: z.enum(DEMANDS), stack: Stack })

export const WeightFileSchema = z
  .strictObject({
    format: z.literal(MODEL_FORMAT),
    features: z.literal(FEATURE_VERSION),
    step: z.number().positive(),
    trainedOn: z.strictObject({ realTrainItems: int, realTrainSources: int, handWrittenItems: int }),
    vocabulary: z.array(z.string().min(1)),
    industry: ClassHead(INDUSTRY_LINES),
    problemType: ClassHead(PROBLEM_TYPES),
    demands: z.strictObject({ heads: z.array(DemandHead).min(1), proposeAt: z.number().min(0).max(1) }),
  })
  .superRefine((file, ctx) => {
    const size = file.vocabulary.length
    const check = (path: string, head: z.infer<typeof Linear>, columns: number) => {
      if (head.bias.length !== columns) ctx.addIssue({ code: 'custom', path: [path, 'bias'], message: `needs ${columns} values` })
      if (head.weights.length !== head.features.length * columns)
        ctx.addIssue({
          code: 'custom',
          path: [path, 'weights'],
          message: `needs features × ${columns} = ${head.features.length * columns} values`,
        })
      if (head.features.some((f) => f >= size))
        ctx.addIssue({ code: 'custom', path: [path, 'features'], message: 'index outside the vocabulary' })
    }
    check('industry', file.industry, file.industry.classes.length)
    check('problemType', file.problemType, file.problemType.classes.length)
    file.demands.heads.forEach((h, i) => check(`demands.heads.${i}`, h, 1))
  })

export type WeightFile = z.infer<typeof WeightFileSchema>
export type StackWeights = z.infer<typeof Stack>
