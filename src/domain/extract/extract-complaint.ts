// From free complaint text (typed, or transcribed from voice) to proposed form fields, each with how
// sure it is and the words it came from. It proposes; the person confirms — see merge-proposal.ts.
import type { Demand, ProblemType } from '../classification'
import type { IndustryLine } from '../industry'
import { proposeAmount } from './amounts'
import { removeFraming } from './framing'
import { proposeMerchantMention } from './merchant-mention'
import { classifyIndustry } from './classify-industry'
import { proposeDemands } from './demands'
import type { ExtractModel } from './model/model'
import { classifyProblemType } from './problem-type'
import { proposeProduct } from './products'
import { proposePurchaseDate } from './purchase-date'
import { proposePurchaseTime } from './purchase-time'
import { proposeShop, type Shop } from './shops'
import { evidence, normalize } from './text'
import { assessUrgency, type UrgencyLevel, type UrgencySignals } from './urgency'

export interface ExtractContext {
  /** the instant of speaking or typing: relative dates (昨天, 上周五) count from it */
  now: Date
  /** the site's shops, to match names said loosely */
  shops?: Shop[]
  /** what 昨天, 今年, 日前 count from for purchaseDate: a published text's date; null when unknown; default now */
  referenceDate?: Date | null
  /** the learned classifiers (model/load.ts loads them lazily); without them the keyword rules alone decide */
  model?: ExtractModel
}

export interface Proposed<T> {
  value: T
  /** 0..1 */
  confidence: number
  /** the words it came from */
  evidence: string
}

export interface Extraction {
  shopName: Proposed<string> | null
  shopCode: Proposed<string> | null
  /** the merchant as the text names it, a span of the text ("某大药房", "一家超市", "在拼多多上") */
  merchant: Proposed<string> | null
  purchaseTime: Proposed<string> | null
  /** as precise as the text allows: YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM (docs/extract-labelling.md) */
  purchaseDate: Proposed<string> | null
  amountYuan: Proposed<string> | null
  product: Proposed<string> | null
  demands: Proposed<Demand[]> | null
  problemType: Proposed<ProblemType> | null
  industry: Proposed<IndustryLine> | null
  urgency: { level: UrgencyLevel; signals: UrgencySignals }
}

const round = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100

export function extractComplaint(input: string, ctx: ExtractContext): Extraction {
  const text = normalize(input ?? '')
  const span = (start: number, end: number) => evidence(input, start, end)
  const urgency = assessUrgency(text)

  // span fields read the consumer's account: "市民X反映", "原告诉称" and hotline calls are blanked (same indices)
  const told = removeFraming(text)
  const shop = proposeShop(told, ctx.shops)
  const merchant = proposeMerchantMention(told)
  const time = proposePurchaseTime(told, ctx.now, urgency.signals.happeningNow)
  const date = proposePurchaseDate(told, ctx.referenceDate === undefined ? ctx.now : ctx.referenceDate)
  const amount = proposeAmount(told)
  const product = proposeProduct(text, shop ? [shop] : [])
  // the keyword rules first; the learned classifiers, when loaded, combine with them (model/with-model.ts;
  // only a type is imported here, so the scoring code loads with the weights, not with the extractor)
  const ruleIndustry = classifyIndustry(text, product?.industry ?? null)
  const rules = {
    demands: proposeDemands(text),
    industry: ruleIndustry,
    problem: classifyProblemType(text, ruleIndustry.value, urgency.signals.injury),
  }
  const { demands, industry, problem } = ctx.model ? ctx.model.combine(input ?? '', rules) : rules

  return {
    shopName: shop ? { value: shop.name, confidence: round(shop.confidence), evidence: span(shop.start, shop.end) } : null,
    shopCode: shop?.code ? { value: shop.code, confidence: round(shop.confidence), evidence: span(shop.start, shop.end) } : null,
    merchant: merchant
      ? { value: merchant.value, confidence: round(merchant.confidence), evidence: span(merchant.start, merchant.end) }
      : null,
    purchaseTime: time ? { value: time.value, confidence: round(time.confidence), evidence: span(time.start, time.end) } : null,
    purchaseDate: date ? { value: date.value, confidence: round(date.confidence), evidence: span(date.start, date.end) } : null,
    amountYuan: amount ? { value: amount.value, confidence: round(amount.confidence), evidence: span(amount.start, amount.end) } : null,
    product: product ? { value: product.value, confidence: round(product.confidence), evidence: span(product.start, product.end) } : null,
    demands: demands ? { value: demands.value, confidence: round(demands.confidence), evidence: demands.evidence } : null,
    problemType: text.trim() ? { value: problem.value, confidence: round(problem.confidence), evidence: problem.evidence } : null,
    industry: text.trim() ? { value: industry.value, confidence: round(industry.confidence), evidence: industry.evidence } : null,
    urgency: { level: urgency.level, signals: urgency.signals },
  }
}
