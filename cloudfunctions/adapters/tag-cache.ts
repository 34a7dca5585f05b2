import type { Tag } from '../../src/domain/tags/tag.schema'
import type { TagStore } from '../ports/tag-store'
import { DIRECTORY_CACHE_TTL_MS } from './directory-cache'

/**
 * The tag list kept in process, as the directory is (directory-cache.ts): every filing reads it to
 * propose tags, and the filing's round trips are budgeted (tests/functions/submit-round-trips.test.ts).
 * Within one process nothing is stale: saveTag empties the cache before and after it writes, and a
 * read that overlapped a save is answered but not kept. The TTL bounds what another process (a second
 * host, another cloud function instance) changed: an administrator's new or disabled tag reaches
 * proposals there within DIRECTORY_CACHE_TTL_MS. Confirming a case's tags re-checks against this list,
 * so a tag disabled elsewhere may still be accepted for that long — harmless, the tag stays data.
 */
export function cachedTags(inner: TagStore, ttlMs = DIRECTORY_CACHE_TTL_MS, now = () => Date.now()): TagStore {
  let kept: { tags: Tag[]; until: number } | null = null
  let generation = 0
  const invalidate = () => {
    generation++
    kept = null
  }
  return {
    ...inner,
    async listTags() {
      if (kept && kept.until > now()) return kept.tags
      const seen = generation
      const tags = await inner.listTags()
      if (seen === generation) kept = { tags, until: now() + ttlMs }
      return tags
    },
    async saveTag(tag) {
      invalidate()
      try {
        await inner.saveTag(tag)
      } finally {
        invalidate()
      }
    },
  }
}
