import { sql, type ColumnType, type Kysely, type Selectable, type Transaction } from 'kysely'
import { z } from 'zod'
import {
  CallbackItemSchema,
  CallbackSampleSchema,
  RatingReviewSchema,
  type CallbackSample,
} from '../../../src/domain/callback/callback.schema'
import { latestClosures } from '../../../src/domain/callback/callback-draw'
import { AppFailure, appError } from '../../../src/domain/errors'
import type { CallbackSampleWrite, CallbackStore } from '../../ports/callback-store'
import type { Database } from './database'
import { writeClocks } from './sql-clock-store'

// Migration 0021: the call-back samples and the review list of low ratings. Their tables are declared
// here (withTables), so this part of the store stays in one file. Items and population are JSON text.
type Timestamp = ColumnType<Date, string, string>
type Tables = {
  callback_samples: {
    site_id: string
    month: string
    seed: string
    population: string
    drawn_at: Timestamp
    due_date: string
    due_at: Timestamp
    due_explanation: string
    items: string
    version: number
  }
  rating_reviews: {
    event_id: string
    case_id: string
    case_no: string
    site_id: string
    rated_at: Timestamp
    speed: number
    professionalism: number
    attitude: number
    satisfied: boolean
    percent: number
    status: string
    findings: string | null
    changes: string | null
    reviewed_by: string | null
    reviewed_at: ColumnType<Date | null, string | null, string | null>
  }
}

const iso = (value: Date | string): string => new Date(value).toISOString()
const Ids = z.array(z.string())
const Items = z.array(CallbackItemSchema)

const toSample = (r: Selectable<Tables['callback_samples']>): CallbackSample =>
  CallbackSampleSchema.parse({
    siteId: r.site_id,
    month: r.month,
    seed: r.seed,
    population: Ids.parse(JSON.parse(r.population)),
    drawnAt: iso(r.drawn_at),
    dueDate: r.due_date,
    dueAt: iso(r.due_at),
    dueExplanation: r.due_explanation,
    items: Items.parse(JSON.parse(r.items)),
    version: r.version,
  })

const toReview = (r: Selectable<Tables['rating_reviews']>) =>
  RatingReviewSchema.parse({
    eventId: r.event_id,
    caseId: r.case_id,
    caseNo: r.case_no,
    siteId: r.site_id,
    ratedAt: iso(r.rated_at),
    speed: r.speed,
    professionalism: r.professionalism,
    attitude: r.attitude,
    satisfied: r.satisfied,
    percent: r.percent,
    status: r.status,
    findings: r.findings,
    changes: r.changes,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at ? iso(r.reviewed_at) : null,
  })

/**
 * A call-back item completed by a case step, written inside that step's transaction (sql-case-store.ts
 * applyChange): the sample at its expected version, else AppFailure(CONCURRENT_UPDATE), which rolls the
 * whole step back — the case's return visit is never stored without the sample's answers, nor these without it.
 */
export async function writeCallbackSampleIn(trx: Transaction<Database>, { sample, expectedVersion }: CallbackSampleWrite): Promise<void> {
  const updated = await trx
    .withTables<Tables>()
    .updateTable('callback_samples')
    .set({ items: JSON.stringify(sample.items), version: expectedVersion + 1 })
    .where('site_id', '=', sample.siteId)
    .where('month', '=', sample.month)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) throw new AppFailure(appError('CONCURRENT_UPDATE'))
}

export function sqlCallbackStore(base: Kysely<Database>): CallbackStore {
  const db = base.withTables<Tables>()
  return {
    async listClosedComplaints(siteId, from, to) {
      const rows = await base
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select(['c.id', 'c.case_no', 'e.at', 'e.actor_id'])
        .where('c.site_id', '=', siteId)
        .where('c.kind', '=', 'complaint')
        .where('c.status', '=', 'closed')
        .where('e.type', '=', 'closed')
        .where('e.at', '>=', new Date(from))
        .where('e.at', '<', new Date(to))
        .execute()
      return latestClosures(rows.map((r) => ({ caseId: r.id, caseNo: r.case_no, closedAt: iso(r.at), closerId: r.actor_id })))
    },
    async createCallbackSample(s, clocks) {
      return base.transaction().execute(async (trx) => {
        const inserted = await trx
          .withTables<Tables>()
          .insertInto('callback_samples')
          .values({
            site_id: s.siteId,
            month: s.month,
            seed: s.seed,
            population: JSON.stringify(s.population),
            drawn_at: s.drawnAt,
            due_date: s.dueDate,
            due_at: s.dueAt,
            due_explanation: s.dueExplanation,
            items: JSON.stringify(s.items),
            version: s.version,
          })
          .onConflict((oc) => oc.columns(['site_id', 'month']).doNothing())
          .returning('site_id')
          .executeTakeFirst()
        if (!inserted) return false // drawn already: its clocks were started then
        await writeClocks(trx, clocks)
        return true
      })
    },
    async getCallbackSample(siteId, month) {
      const row = await db
        .selectFrom('callback_samples')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('month', '=', month)
        .executeTakeFirst()
      return row ? toSample(row) : null
    },
    async listCallbackSamples(month) {
      const rows = await db.selectFrom('callback_samples').selectAll().where('month', '=', month).orderBy('site_id').execute()
      return rows.map(toSample)
    },
    async updateCallbackSample(s, expectedVersion, clocks) {
      return base.transaction().execute(async (trx) => {
        const updated = await trx
          .withTables<Tables>()
          .updateTable('callback_samples')
          .set({ items: JSON.stringify(s.items), version: expectedVersion + 1 })
          .where('site_id', '=', s.siteId)
          .where('month', '=', s.month)
          .where('version', '=', expectedVersion)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) === 0) return false
        await writeClocks(trx, clocks)
        return true
      })
    },
    async addRatingReview(r) {
      await db
        .insertInto('rating_reviews')
        .values({
          event_id: r.eventId,
          case_id: r.caseId,
          case_no: r.caseNo,
          site_id: r.siteId,
          rated_at: r.ratedAt,
          speed: r.speed,
          professionalism: r.professionalism,
          attitude: r.attitude,
          satisfied: r.satisfied,
          percent: r.percent,
          status: r.status,
          findings: r.findings,
          changes: r.changes,
          reviewed_by: r.reviewedBy,
          reviewed_at: r.reviewedAt,
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute()
    },
    async listRatingReviews(siteId) {
      const rows = await db
        .selectFrom('rating_reviews')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy(sql`case when status = 'open' then 0 else 1 end`)
        .orderBy('rated_at', 'desc')
        .orderBy('event_id')
        .execute()
      return rows.map(toReview)
    },
    async getRatingReview(eventId) {
      const row = await db.selectFrom('rating_reviews').selectAll().where('event_id', '=', eventId).executeTakeFirst()
      return row ? toReview(row) : null
    },
    async closeRatingReview(eventId, r) {
      const row = await db
        .updateTable('rating_reviews')
        .set({ status: 'reviewed', findings: r.findings, changes: r.changes, reviewed_by: r.reviewedBy, reviewed_at: r.reviewedAt })
        .where('event_id', '=', eventId)
        .where('status', '=', 'open')
        .returningAll()
        .executeTakeFirst()
      return row ? toReview(row) : null
    },
  }
}
