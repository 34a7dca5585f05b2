import type { Query } from '@cloudbase/database'
import type { z } from 'zod'
import { ok } from './doc-db'

// Reading documents back. A get() answers 100 documents unless told otherwise and 1,000 at most, so
// every list is paged explicitly; and every document is validated with the same zod schema the SQL
// adapter's row mappers use, so a hand-edited or half-written document fails loudly here, not later.

/** The most one get() may answer (CloudBase's cap). */
export const MAX_PAGE = 1000

/** A document as read back: its fields and its _id (validated with zod before use, parseDoc). */
export type Doc = Record<string, unknown> & { _id: string }

/** One page of a query: at most `limit` documents (≤ 1,000) after skipping `offset`. */
export async function readPage(query: Query, limit: number, offset = 0): Promise<Doc[]> {
  const size = Math.max(0, Math.min(limit, MAX_PAGE))
  if (size === 0) return []
  let q = query.limit(size)
  if (offset > 0) q = q.skip(offset)
  const res = ok(await q.get())
  return (res.data ?? []) as Doc[]
}

/**
 * Every document the query matches, page by page. The query must be ordered on a unique key (end
 * its orderBy with _id) or pages could repeat or miss documents.
 */
export async function readAll(query: Query): Promise<Doc[]> {
  const all: Doc[] = []
  for (;;) {
    const page = await readPage(query, MAX_PAGE, all.length)
    all.push(...page)
    if (page.length < MAX_PAGE) return all
  }
}

/** The document with this _id (outside a transaction), or null. */
export async function readDoc(query: { get(): Promise<unknown> }): Promise<Doc | null> {
  const res = ok(await query.get()) as { data?: Doc[] | Doc | null }
  const data = res.data
  if (Array.isArray(data)) return data[0] ?? null
  return data ?? null
}

/** A document as the domain type: `_id` becomes `idField`, CloudBase-only fields are dropped by zod. */
export function parseDoc<S extends z.ZodType>(schema: S, doc: Doc, idField = 'id'): z.infer<S> {
  const { _id, ...rest } = doc
  return schema.parse({ ...rest, [idField]: _id })
}
