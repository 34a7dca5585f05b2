import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES } from '../../../src/domain/case.schema'
import type { BoardCursor, BoardItem, BoardQuery, BoardStore } from '../../ports/store'
import { ClockSummarySchema } from './case-docs'
import { COLLECTIONS } from './collection-names'
import type { DocDb } from './doc-db'
import { literalPattern, utc } from './doc-codec'
import { MAX_PAGE, readPage } from './doc-reads'

// The board on the document database: ONE where() on COLLECTIONS.cases over the summary every case
// write keeps on the case document (case-docs.ts: open, clockSummary, boardDueAt), sorted by
// boardDueAt then _id and paged by keyset — the cursor is the last row's (boardDueAt, _id), so a
// later page costs what the first costs, and no row needs a second read. Only summary fields are
// projected: nothing sealed is read, nothing personal leaves.
//
// Indexes (cases), filters first and the sort last:
//   (siteId, open, boardDueAt, _id)   a site's open board, every other filter narrowing within it
//   (open, boardDueAt, _id)           the city board across sites
//   (siteId, boardDueAt, _id)         a site's board with closed cases (openOnly false)
//   (merchantId, boardDueAt, _id)     one shop's cases across sites
//   (siteId, confirmedTags, boardDueAt, _id), (confirmedTags, boardDueAt, _id)   a confirmed tag (multikey)

const DESCRIPTION_START = 120

const BoardDocSchema = z.object({
  _id: z.string(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  merchantName: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  boardDueAt: z.string(),
  clockSummary: ClockSummarySchema.nullable(),
})

const PROJECTION = Object.fromEntries(Object.keys(BoardDocSchema.shape).map((field) => [field, true]))

export function cloudbaseBoardStore(db: DocDb): BoardStore {
  const _ = db.command
  return {
    async listBoard(q: BoardQuery) {
      const now = utc(q.now)
      const where: object[] = []
      if (q.siteId !== null) where.push({ siteId: q.siteId })
      if (q.openOnly) where.push({ open: true })
      if (q.status) where.push({ status: q.status })
      if (q.kind) where.push({ kind: q.kind })
      if (q.channel) where.push({ channel: q.channel })
      if (q.industry) where.push({ industry: q.industry })
      if (q.merchantId) where.push({ merchantId: q.merchantId })
      if (q.tag) where.push({ confirmedTags: q.tag }) // an array field matches when one element does (cloudbase-tag-store.ts)
      // the colour of the soonest running clock; a case with no clock has clockSummary null and never matches
      if (q.colour === 'red') where.push({ 'clockSummary.dueAt': _.lte(now) })
      if (q.colour === 'yellow') where.push({ 'clockSummary.dueAt': _.gt(now), 'clockSummary.urgeAt': _.lte(now) })
      if (q.colour === 'green') where.push({ 'clockSummary.urgeAt': _.gt(now) })
      if (q.text) {
        const contains = db.RegExp({ regexp: literalPattern(q.text), options: 'i' })
        where.push(_.or([{ caseNo: contains }, { merchantName: contains }, { product: contains }]))
      }
      if (q.after) {
        const dueAt = utc(q.after.dueAt)
        where.push(_.or([{ boardDueAt: _.gt(dueAt) }, { boardDueAt: dueAt, _id: _.gt(q.after.id) }]))
      }
      const limit = Math.min(q.limit, MAX_PAGE - 1)
      const query = db
        .collection(COLLECTIONS.cases)
        .where(where.length > 0 ? _.and(where) : {})
        .field(PROJECTION)
        .orderBy('boardDueAt', 'asc')
        .orderBy('_id', 'asc')
      const docs = (await readPage(query, limit + 1)).map((doc) => BoardDocSchema.parse(doc)) // one more: is there a next page?
      const page = docs.slice(0, limit)
      const items: BoardItem[] = page.map((d) => ({
        id: d._id,
        caseNo: d.caseNo,
        kind: d.kind,
        status: d.status,
        merchantName: d.merchantName,
        descriptionStart: [...d.description].slice(0, DESCRIPTION_START).join(''), // characters, as SQL's left()
        createdAt: d.createdAt,
        nextClock: d.clockSummary,
      }))
      const last = page.at(-1)
      const next: BoardCursor | null = docs.length > limit && last ? { dueAt: last.boardDueAt, id: last._id } : null
      return { items, next }
    },
  }
}
