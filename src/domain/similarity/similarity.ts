import type { Case } from '../case.schema'

// "Similar" (issue 19 items 5 and 6, docs/bursts-and-similar-cases.md): the same shop and the same
// problem type, or descriptions whose character-bigram vectors have a cosine of at least
// TEXT_SIMILARITY_THRESHOLD. Bigrams, not words: Chinese has no spaces and a segmenter would be a
// dependency; two complaints about the same 预付卡 shop closing share most of their bigrams.
// Pure and local: no network, no model.

/** Chosen from the labelled pairs in tests/domain/similarity/similarity.test.ts: similar pairs score ≥ 0.26, different ones ≤ 0.10; 0.2 sits between. */
export const TEXT_SIMILARITY_THRESHOLD = 0.2

export type Similarable = Pick<Case, 'merchantId' | 'problemType' | 'description'>

/** Letters, digits and CJK only: punctuation and spacing say nothing about what happened. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

// Bigrams nearly every complaint contains ("商家拒绝…", "要求退款"): they make two short, unrelated
// complaints look alike (the labelled pair 商家拒绝退款 / 商家拒绝换货维修 scored 0.51 with them).
const GENERIC_BIGRAMS = new Set(['商家', '家拒', '拒绝', '家不', '不给', '要求', '投诉', '消费', '购买', '买的', '无法', '我的', '了我'])

/** How often each pair of neighbouring characters occurs (one character alone counts as itself), generic pairs left out. */
export function bigramCounts(text: string): Map<string, number> {
  const chars = Array.from(normalise(text))
  const counts = new Map<string, number>()
  if (chars.length === 1) counts.set(chars[0], 1)
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1]
    if (!GENERIC_BIGRAMS.has(g)) counts.set(g, (counts.get(g) ?? 0) + 1)
  }
  return counts
}

/** Cosine of the two bigram count vectors: 1 for the same text, 0 when no bigram is shared (or one is empty). */
export function textSimilarity(a: string, b: string): number {
  const x = bigramCounts(a)
  const y = bigramCounts(b)
  let dot = 0
  for (const [g, n] of x) dot += n * (y.get(g) ?? 0)
  if (dot === 0) return 0
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0))
  return dot / (norm(x) * norm(y))
}

export type SimilarityReason = 'same_merchant_and_problem' | 'text'

/** Why two cases count as similar, or null when they do not. */
export function similarityReason(a: Similarable, b: Similarable): SimilarityReason | null {
  if (a.merchantId === b.merchantId && a.problemType === b.problemType) return 'same_merchant_and_problem'
  return reachesThreshold(textSimilarity(a.description, b.description)) ? 'text' : null
}

/** At or above the threshold; the 1e-9 absorbs rounding (1/(√5·√5) is 0.19999999999999998, not 0.2). */
export const reachesThreshold = (score: number) => score >= TEXT_SIMILARITY_THRESHOLD - 1e-9

export const isSimilar = (a: Similarable, b: Similarable): boolean => similarityReason(a, b) !== null

/**
 * A score to rank past cases by (案例推荐): the text similarity, plus 1 for the same problem type and
 * 0.5 for the same shop, so a case of the same kind comes before a merely similar wording.
 */
export function similarityScore(a: Similarable & Pick<Case, 'product'>, b: Similarable & Pick<Case, 'product'>): number {
  const sameProduct = normaliseProduct(a.product) !== '' && normaliseProduct(a.product) === normaliseProduct(b.product)
  return (
    textSimilarity(a.description, b.description) +
    (a.problemType === b.problemType ? 1 : 0) +
    (a.merchantId === b.merchantId ? 0.5 : 0) +
    (sameProduct ? 0.5 : 0)
  )
}

/** A product as a key: letters and digits only, lower case; '' when too short to name a product. */
export function normaliseProduct(product: string): string {
  const p = normalise(product)
  return Array.from(p).length >= 2 ? p : ''
}
