// The product words (product-words.ts, one table by industry line) as one list the span rules scan.
import type { IndustryLine } from '../industry'
import { PRODUCT_WORDS } from './product-words'

export interface LexiconEntry {
  word: string
  industry: IndustryLine
}

/** Longest words first, so 儿童自行车 wins over 自行车 and 笔记本电脑 over 电脑. */
export const LEXICON: LexiconEntry[] = (Object.entries(PRODUCT_WORDS) as [IndustryLine, string[]][])
  .flatMap(([industry, words]) => words.map((word) => ({ word, industry })))
  .sort((a, b) => b.word.length - a.word.length)
