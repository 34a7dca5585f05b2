// parseExtractModel() is the one way in to a model: it validates the weight file (weights.schema.ts)
// and builds the lookup tables once, so scoring a text costs one pass over its n-grams per head.
import type { DenseHead, ExtractModel } from './model'
import { withModel } from './with-model'
import { WeightFileSchema } from './weights.schema'

export type ModelResult =
  { ok: true; model: ExtractModel } | { ok: false; error: { code: 'EXTRACT_MODEL_INVALID'; message: string; issues: string[] } }

function dense(h: { features: number[]; weights: number[]; bias: number[] }, step: number): DenseHead {
  const columns = h.bias.length
  return {
    rows: new Map(h.features.map((f, i) => [f, i])),
    weights: Float64Array.from(h.weights, (w) => w * step),
    bias: h.bias,
    columns,
  }
}

/** Validate a weight file and build the model, or say (in Chinese, with the failing paths) why not. */
export function parseExtractModel(raw: unknown): ModelResult {
  const parsed = WeightFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(文件)'}: ${i.message}`)
    return { ok: false, error: { code: 'EXTRACT_MODEL_INVALID', message: '分类模型文件格式不正确，已停用模型，仅用关键词规则', issues } }
  }
  const f = parsed.data
  const model: ExtractModel = {
    vocabulary: new Map(f.vocabulary.map((g, i) => [g, i])),
    grams: f.vocabulary,
    industry: { classes: f.industry.classes, head: dense(f.industry, f.step), stack: f.industry.stack, proposeAt: f.industry.proposeAt },
    problemType: {
      classes: f.problemType.classes,
      head: dense(f.problemType, f.step),
      stack: f.problemType.stack,
      proposeAt: f.problemType.proposeAt,
    },
    demands: {
      heads: f.demands.heads.map((h) => ({ demand: h.demand, head: dense(h, f.step), stack: h.stack })),
      proposeAt: f.demands.proposeAt,
    },
    combine: (input, rules) => withModel(input, model, rules),
  }
  return { ok: true, model }
}
