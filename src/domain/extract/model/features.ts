// What the learned classifiers see of a text: character 1–3-grams after a normalisation of their own
// (independent of text.ts, which the span rules use), so that a weight file stays valid whatever the
// rules' normaliser does. The trainer and the scorer both call featurize(); it must never change
// without retraining (the weight file records FEATURE_VERSION and the loader refuses a mismatch).
export const FEATURE_VERSION = 'char1-3/v1'

const FULL_WIDTH = /[\uFF01-\uFF5E]/g
const DIGITS = /[0-9]+(\.[0-9]+)?/g
const SPACES = /\s+/g
// punctuation says little about the trade or the grievance: every mark becomes one separator
const PUNCTUATION = /[，。！？；：、,.!?;:“”"'‘’「」『』（）()【】[\]《》<>…—\-~～·/\\|]+/g

/** Full-width forms to ASCII, ASCII lower-case, every number to '0', spaces dropped, punctuation to '|'. */
export function normaliseForModel(input: string): string {
  return input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .replace(DIGITS, '0')
    .replace(SPACES, '')
    .replace(PUNCTUATION, '|')
}

/**
 * The n-grams of a text with their counts, in first-seen order. An n-gram that is only separators is
 * left out; a text is padded with '|' at both ends so that its first and last characters count as edges.
 */
export function ngramCounts(input: string, maxN = 3): Map<string, number> {
  const chars = Array.from(`|${normaliseForModel(input)}|`)
  const counts = new Map<string, number>()
  for (let n = 1; n <= maxN; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('')
      if (/^\|+$/.test(gram)) continue
      counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  return counts
}

/**
 * A text as a sparse vector over a vocabulary: log(1 + count) per known n-gram, scaled to unit length
 * so that a long court summary and a two-line complaint weigh alike. Indices ascend.
 */
export function featurize(input: string, vocabulary: ReadonlyMap<string, number>): { index: number[]; value: number[] } {
  const pairs: [number, number][] = []
  for (const [gram, count] of ngramCounts(input)) {
    const at = vocabulary.get(gram)
    if (at !== undefined) pairs.push([at, Math.log1p(count)])
  }
  pairs.sort((a, b) => a[0] - b[0])
  const norm = Math.sqrt(pairs.reduce((s, [, v]) => s + v * v, 0)) || 1
  return { index: pairs.map(([i]) => i), value: pairs.map(([, v]) => v / norm) }
}
