import { z } from 'zod'
import { REPLY_ENTRIES } from './reply-entries'

// The reply library: validated once, searched as the person types (the page shows the first entries
// before anyone types), and turned into the text staff start from and may edit before sending.
export const LegalBasisSchema = z.object({
  law: z.string().min(1),
  /** '第二十五条'; null where the rule's content is verified but its number is not (reply-entries.ts) */
  article: z
    .string()
    .regex(/^第[〇零一二三四五六七八九十百]+条$/)
    .nullable(),
})
export type LegalBasis = z.infer<typeof LegalBasisSchema>

export const ReplyEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: z.string().min(1),
  keywords: z.array(z.string().min(1)),
  answer: z.string().min(1),
  basis: z.array(LegalBasisSchema),
})
export type ReplyEntry = z.infer<typeof ReplyEntrySchema>
export type ReplyEntryInput = z.input<typeof ReplyEntrySchema>

export const REPLY_LIBRARY: readonly ReplyEntry[] = z
  .array(ReplyEntrySchema)
  .refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, { message: 'reply ids must be unique' })
  .parse(REPLY_ENTRIES)

/** How many answers the consultation page shows before anyone types. */
export const TOP_REPLIES = 5

/** 《消费者权益保护法》第二十四条、《产品质量法》第四十条 */
export function basisText(basis: readonly LegalBasis[]): string {
  return basis.map((b) => `《${b.law}》${b.article ?? '相关规定'}`).join('、')
}

/** The text staff start from: the answer and where it comes from. They may edit it before sending. */
export const replyTextOf = (entry: ReplyEntry): string =>
  entry.basis.length ? `${entry.answer}\n依据：${basisText(entry.basis)}` : entry.answer

/** Two-character pieces of the text: Chinese has no spaces, so a question is matched by its bigrams. */
function bigrams(text: string): string[] {
  const chars = [...text.replace(/[\s，。？！、,.?!：:；;“”"'（）()]/g, '')]
  if (chars.length < 2) return chars
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1])
}

function score(entry: ReplyEntry, query: string): number {
  const q = query.trim()
  if (!q) return 0
  let s = 0
  for (const k of entry.keywords) if (q.includes(k) || k.includes(q)) s += 3
  const haystack = entry.question + entry.keywords.join('') + entry.answer
  for (const g of new Set(bigrams(q))) if (haystack.includes(g)) s += entry.question.includes(g) ? 2 : 1
  return s
}

/**
 * Empty text: the first `limit` entries (the most asked). Otherwise the entries that match, best
 * first (ties keep the library's order); none when nothing matches.
 */
export function searchReplies(text: string, limit = TOP_REPLIES, library: readonly ReplyEntry[] = REPLY_LIBRARY): ReplyEntry[] {
  if (!text.trim()) return library.slice(0, limit)
  return library
    .map((entry, index) => ({ entry, index, s: score(entry, text) }))
    .filter((r) => r.s > 0)
    .sort((a, b) => b.s - a.s || a.index - b.index)
    .slice(0, limit)
    .map((r) => r.entry)
}

export const findReply = (id: string, library: readonly ReplyEntry[] = REPLY_LIBRARY) => library.find((e) => e.id === id) ?? null
