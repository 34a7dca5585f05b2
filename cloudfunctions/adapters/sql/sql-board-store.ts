import { sql, type Kysely, type Transaction } from 'kysely'
import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES } from '../../../src/domain/case.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { CLOCK_IDS } from '../../../src/domain/clocks/clock-rules'
import { soonest } from '../../../src/domain/clocks/clock-view'
import { OPEN_STATUSES } from '../../../src/domain/workflow/transitions'
import type { BoardQuery, BoardStore } from '../../ports/store'
import type { Database } from './database'
import { NO_CLOCK_SENTINEL } from './migrations/0013-board-and-counters'

// The board reads summary columns only (migration 0013): no sealed column, no full-row parse.
const DESCRIPTION_START = 120

/** The summary columns of a case whose clocks are `clocks` (createCase knows them all). */
export function clockSummaryColumns(clocks: readonly CaseClock[]) {
  const next = soonest(clocks)
  return {
    next_clock_id: next?.clockId ?? null,
    next_due_at: next?.dueAt ?? NO_CLOCK_SENTINEL,
    next_remind_at: next?.remindAt ?? null,
    next_urge_at: next?.urgeAt ?? null,
    next_explanation: next?.explanation ?? null,
    next_provisional: next?.provisional ?? null,
  }
}

/**
 * Recompute the summary from the case's clocks as they stand inside `trx` (applyChange writes only
 * the clocks that changed). Runs after the case row was updated, so the row is already locked.
 */
export async function refreshClockSummary(trx: Transaction<Database>, caseId: string) {
  await sql`update cases c set
      next_clock_id = k.clock_id, next_due_at = coalesce(k.due_at, ${NO_CLOCK_SENTINEL}::timestamptz),
      next_remind_at = k.remind_at, next_urge_at = k.urge_at, next_explanation = k.explanation, next_provisional = k.provisional
    from (select 1) one left join lateral (
      select clock_id, due_at, remind_at, urge_at, explanation, provisional from case_clocks
      where case_id = ${caseId} and stage <> 'stopped' and paused_at is null order by due_at, started_at, clock_id limit 1
    ) k on true
    where c.id = ${caseId}`.execute(trx)
}

const iso = (v: Date | string) => new Date(v).toISOString()

const BoardRowSchema = z.object({
  id: z.string(),
  case_no: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  merchant_name: z.string(),
  description_start: z.string(),
  created_at: z.union([z.date(), z.string()]).transform(iso),
  next_clock_id: z.enum(CLOCK_IDS).nullable(),
  next_due_at: z.union([z.date(), z.string()]).transform(iso),
  next_remind_at: z.union([z.date(), z.string()]).nullable(),
  next_urge_at: z.union([z.date(), z.string()]).nullable(),
  next_explanation: z.string().nullable(),
  next_provisional: z.boolean().nullable(),
})

/** `like` pattern for "contains", with the user's % _ \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

// the same literals as the partial indexes' predicate (migration 0013), not parameters: only then can
// the planner prove that the index applies
const OPEN = sql`(${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`

export function sqlBoardStore(db: Kysely<Database>): BoardStore {
  return {
    async listBoard(q: BoardQuery) {
      const now = new Date(q.now)
      let query = db
        .selectFrom('cases')
        .select([
          'id',
          'case_no',
          'kind',
          'status',
          'merchant_name',
          sql<string>`left(description, ${DESCRIPTION_START})`.as('description_start'),
          'created_at',
          'next_clock_id',
          'next_due_at',
          'next_remind_at',
          'next_urge_at',
          'next_explanation',
          'next_provisional',
        ])
      if (q.siteId !== null) query = query.where('site_id', '=', q.siteId)
      if (q.openOnly) query = query.where(sql<boolean>`status in ${OPEN}`)
      if (q.status) query = query.where('status', '=', q.status)
      if (q.kind) query = query.where('kind', '=', q.kind)
      if (q.channel) query = query.where('channel', '=', q.channel)
      if (q.industry) query = query.where('industry', '=', q.industry)
      if (q.merchantId) query = query.where('merchant_id', '=', q.merchantId)
      // a confirmed tag (migration 0025): the GIN index on case_tags.confirmed answers `@>`
      if (q.tag)
        query = query.where(
          sql<boolean>`exists (select 1 from case_tags t where t.case_id = cases.id and t.confirmed @> array[${q.tag}]::text[])`,
        )
      if (q.colour) {
        query = query.where('next_clock_id', 'is not', null)
        if (q.colour === 'red') query = query.where('next_due_at', '<=', now)
        if (q.colour === 'yellow') query = query.where('next_due_at', '>', now).where('next_urge_at', '<=', now)
        if (q.colour === 'green') query = query.where('next_urge_at', '>', now)
      }
      if (q.text) {
        const like = containing(q.text)
        query = query.where((eb) => eb.or([eb('case_no', 'ilike', like), eb('merchant_name', 'ilike', like), eb('product', 'ilike', like)]))
      }
      if (q.after) query = query.where(sql<boolean>`(next_due_at, id) > (${new Date(q.after.dueAt)}::timestamptz, ${q.after.id})`)
      const rows = await query
        .orderBy('next_due_at')
        .orderBy('id')
        .limit(q.limit + 1) // one more tells whether there is a next page
        .execute()
      const page = rows.slice(0, q.limit).map((raw) => BoardRowSchema.parse(raw))
      const items = page.map((r) => ({
        id: r.id,
        caseNo: r.case_no,
        kind: r.kind,
        status: r.status,
        merchantName: r.merchant_name,
        descriptionStart: r.description_start,
        createdAt: r.created_at,
        nextClock:
          r.next_clock_id && r.next_remind_at && r.next_urge_at
            ? {
                clockId: r.next_clock_id,
                dueAt: r.next_due_at,
                remindAt: iso(r.next_remind_at),
                urgeAt: iso(r.next_urge_at),
                explanation: r.next_explanation ?? '',
                provisional: r.next_provisional ?? false,
              }
            : null,
      }))
      const last = page.at(-1)
      return { items, next: rows.length > q.limit && last ? { dueAt: last.next_due_at, id: last.id } : null }
    },
  }
}
