import type { Query } from '@cloudbase/database'
import { MAX_PAGE, readPage } from './doc-reads'

// Lists longer than one get() may answer, and id lists longer than one `in` should carry: the clock
// and notification stores read "at most `limit`, from `offset`" where the caller's limit may pass
// CloudBase's 1,000 per call (the tests ask listPendingOutbox for 10,000), and look cases up by id in
// batches.

type Doc = Awaited<ReturnType<typeof readPage>>[number]

/**
 * At most `limit` documents of the query from `offset`, in pages of at most 1,000. The query must be
 * ordered on a unique key (end its orderBy with _id) or pages could repeat or miss documents.
 */
export async function readUpTo(query: Query, limit: number, offset = 0): Promise<Doc[]> {
  const docs: Doc[] = []
  while (docs.length < limit) {
    const want = Math.min(MAX_PAGE, limit - docs.length)
    const page = await readPage(query, want, offset + docs.length)
    docs.push(...page)
    if (page.length < want) break
  }
  return docs
}

/** The items in runs of at most `size`, in order. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = []
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size))
  return runs
}
