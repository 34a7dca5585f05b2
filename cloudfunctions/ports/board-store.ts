import type { Case, CaseKind, CaseStatus } from '../../src/domain/case.schema'
import type { ClockId } from '../../src/domain/clocks/clock-rules'

// The station's board as a port of its own: what a store must answer for a board page, and how a
// store keeps it cheap (summary fields on the case, keyset paging). Part of Store (store.ts).

/** The soonest running clock of a case, as kept on the case (enough for a board row and its colour). */
export interface ClockSummary {
  clockId: ClockId
  dueAt: string
  remindAt: string
  urgeAt: string
  explanation: string
  provisional: boolean
}

/** One board row: the case's summary fields only — never its personal data (nothing to decrypt). */
export interface BoardItem {
  id: string
  caseNo: string
  kind: CaseKind
  status: CaseStatus
  merchantName: string
  /** the start of the description (enough for an excerpt) */
  descriptionStart: string
  createdAt: string
  nextClock: ClockSummary | null
}

/** Where the previous page ended: its last row's sort key. */
export interface BoardCursor {
  dueAt: string
  id: string
}

export interface BoardQuery {
  /** one site, or null for every site (a regulator's city board) */
  siteId: string | null
  /** open statuses only (the default board) */
  openOnly: boolean
  status?: CaseStatus
  kind?: CaseKind
  channel?: Case['channel']
  /** 所属行业 as the case has it now (staff may have corrected it) */
  industry?: Case['industry']
  merchantId?: string
  /** a tag staff confirmed on the case (标签, docs/tags.md); proposals never match */
  tag?: string
  /** the colour of the soonest running clock at `now` (red = overdue); cases with no clock never match */
  colour?: 'green' | 'yellow' | 'red'
  /** contained in the case number, the shop's name or the product */
  text?: string
  now: string
  after: BoardCursor | null
  limit: number
}

export interface BoardPage {
  items: BoardItem[]
  /** null on the last page */
  next: BoardCursor | null
}

/**
 * The board, filtered and sorted in the store: the case due soonest first, cases with no running
 * clock last, then by id; paged by keyset (the last row's due instant and id), so page 100 costs
 * what page 1 costs. Every filter runs in the query.
 *
 * How a store keeps it cheap: every write that touches a case's clocks (createCase, applyChange)
 * also writes the soonest running clock's summary onto the case itself (ClockSummary, and its due
 * instant as the sort key, a far-future sentinel when none runs). SQL: columns on the cases row and a
 * partial index on (site_id, next_due_at, id) for open statuses. CloudBase: the same fields on the
 * case document (`clockSummary`, `boardDueAt`, and an `open` flag written with the status), one
 * compound index (siteId, open, boardDueAt, _id) and one (open, boardDueAt, _id); the query is a
 * single-collection where() with range conditions for the colour (boardDueAt / clockSummary.urgeAt
 * against now), db.RegExp for the text, orderBy boardDueAt then _id, and the cursor as
 * `boardDueAt > d || (boardDueAt == d && _id > id)`. No joins, no second read per row.
 */
export interface BoardStore {
  listBoard(query: BoardQuery): Promise<BoardPage>
}
