import type { Tag } from './tag.schema'
import { MAX_CASE_TAGS } from './tag.schema'

// Tags proposed from a complaint's text: pure, no model, no network. A tag is proposed when one of
// its phrases occurs in the text; the phrases live in the tag data, so a tag an administrator adds
// (with its phrases) is proposed from the next filing on. Staff confirm or change the proposal.

/** full-width to half-width, lower case, no white space: '4S 店' and '４ｓ店' both read '4s店' */
export const normaliseForTags = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

/**
 * The ids of the active tags whose phrases occur in `text`: the tags with more distinct phrases found
 * first, ties in the tags' own order (position, then id); at most MAX_CASE_TAGS.
 */
export function proposeTags(text: string, tags: readonly Tag[]): string[] {
  const haystack = normaliseForTags(text)
  if (!haystack) return []
  const scored = tags
    .filter((t) => t.active)
    .map((t) => ({ tag: t, hits: new Set(t.phrases.map(normaliseForTags).filter((p) => p.length > 0 && haystack.includes(p))).size }))
    .filter((s) => s.hits > 0)
  scored.sort((a, b) => b.hits - a.hits || a.tag.position - b.tag.position || a.tag.id.localeCompare(b.tag.id))
  return scored.slice(0, MAX_CASE_TAGS).map((s) => s.tag.id)
}
