import type { IndustryLine } from '../industry'
import { classifyIndustry } from './classify-industry'
import type { ExtractModel } from './model/model'
import { vectorOf } from './model/model'
import { proposeClass } from './model/propose'
import { proposeProduct } from './products'

// 所属行业 is a routing line for 12315 (issue 16.6), not a shopper's question: the filing derives it.
// What the complaint says decides when it says something clear — a price grievance is 价格 in any
// shop, a bulk buy for punitive damages is 职业索赔 — and the shop's registered line otherwise.
// Staff may still choose another when they file for someone. With the learned classifiers loaded
// (model/load.ts), "clear" is their calibrated propose point; the rules' price and bulk-claim
// verdicts still win outright.
const CLEAR = 0.5

export function deriveIndustry(description: string, product: string, shopLine: IndustryLine | null, model?: ExtractModel): IndustryLine {
  const text = `${product} ${description}`.trim()
  const hint = proposeProduct(text)?.industry ?? null
  const said = classifyIndustry(text, hint)
  if (said.value === '价格' || said.value === '职业索赔') return said.value
  const combined = model ? proposeClass(model, model.industry, vectorOf(model, text), said) : said
  return combined.confidence >= CLEAR || !shopLine ? combined.value : shopLine
}
