import { sql, type Kysely, type Selectable } from 'kysely'
import { ObjectionSchema, type Objection } from '../../../src/domain/public-records/objection'
import { figuresDelta, isZeroFigures, markOf } from '../../../src/domain/public-records/public-figures'
import type { PublicRecordsStore } from '../../ports/public-records-store'
import type { Database } from './database'
import type { PublicObjectionsTable } from './public-records-tables'

// 投诉信息公示 on SQL (migration 0022). The figures are rolled from merchant_counters by a pass, never
// counted from cases; the roll locks the shop's mark so two passes at once add each difference once.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

const toObjection = (r: Selectable<PublicObjectionsTable>): Objection =>
  ObjectionSchema.parse({
    id: r.id,
    siteId: r.site_id,
    merchantId: r.merchant_id,
    filedBy: r.filed_by,
    reason: r.reason,
    filedAt: iso(r.filed_at),
    periodThrough: r.period_through,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    withdrawnThrough: r.withdrawn_through,
  })

export function sqlPublicRecordsStore(db: Kysely<Database>): PublicRecordsStore {
  return {
    async getPublicSettings(siteId) {
      const r = await db.selectFrom('public_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst()
      return r ? { siteId: r.site_id, threshold: r.threshold, updatedBy: r.updated_by, updatedAt: iso(r.updated_at) } : null
    },

    async savePublicSettings(s) {
      const row = { site_id: s.siteId, threshold: s.threshold, updated_by: s.updatedBy, updated_at: s.updatedAt }
      await db
        .insertInto('public_settings')
        .values(row)
        .onConflict((oc) => oc.column('site_id').doUpdateSet({ threshold: s.threshold, updated_by: s.updatedBy, updated_at: s.updatedAt }))
        .execute()
    },

    async listPublicFigures(siteId, from, through) {
      const rows = await db
        .selectFrom('public_figures')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('month', '>=', from)
        .where('month', '<=', through)
        .execute()
      return rows.map((r) => ({
        merchantId: r.merchant_id,
        month: r.month,
        complaints: r.complaints,
        closed: r.closed,
        settled: r.settled,
        responseOnTime: r.response_on_time,
        responseLate: r.response_late,
      }))
    },

    async rollPublicFigures({ siteId, merchantId, month, counts, at }) {
      return db.transaction().execute(async (trx) => {
        const m = await trx.selectFrom('public_marks').selectAll().where('merchant_id', '=', merchantId).forUpdate().executeTakeFirst()
        const mark = m
          ? { total: m.total, closed: m.closed, settled: m.settled, responseOnTime: m.response_on_time, responseLate: m.response_late }
          : null
        const d = figuresDelta(mark, counts)
        if (mark && isZeroFigures(d)) return false
        if (!isZeroFigures(d)) {
          const add = (c: 'complaints' | 'closed' | 'settled' | 'response_on_time' | 'response_late', v: number) =>
            sql<number>`public_figures.${sql.ref(c)} + ${v}`
          await trx
            .insertInto('public_figures')
            .values({
              site_id: siteId,
              merchant_id: merchantId,
              month,
              complaints: d.complaints,
              closed: d.closed,
              settled: d.settled,
              response_on_time: d.responseOnTime,
              response_late: d.responseLate,
            })
            .onConflict((oc) =>
              oc.columns(['site_id', 'month', 'merchant_id']).doUpdateSet({
                complaints: add('complaints', d.complaints),
                closed: add('closed', d.closed),
                settled: add('settled', d.settled),
                response_on_time: add('response_on_time', d.responseOnTime),
                response_late: add('response_late', d.responseLate),
              }),
            )
            .execute()
        }
        const next = markOf(counts)
        const markRow = {
          total: next.total,
          closed: next.closed,
          settled: next.settled,
          response_on_time: next.responseOnTime,
          response_late: next.responseLate,
          marked_at: at,
        }
        await trx
          .insertInto('public_marks')
          .values({ merchant_id: merchantId, ...markRow })
          .onConflict((oc) => oc.column('merchant_id').doUpdateSet(markRow))
          .execute()
        return !isZeroFigures(d)
      })
    },

    async createObjection(o) {
      const r = await db
        .insertInto('public_objections')
        .values({
          id: o.id,
          site_id: o.siteId,
          merchant_id: o.merchantId,
          filed_by: o.filedBy,
          reason: o.reason,
          filed_at: o.filedAt,
          period_through: o.periodThrough,
          status: o.status,
          decided_by: o.decidedBy,
          decided_at: o.decidedAt,
          decision_reason: o.decisionReason,
          withdrawn_through: o.withdrawnThrough,
        })
        // the partial unique index: the shop has one waiting already → nothing inserted
        .onConflict((oc) => oc.column('merchant_id').where('status', '=', 'pending').doNothing())
        .returning('id')
        .executeTakeFirst()
      return r !== undefined
    },

    async getObjection(id) {
      const r = await db.selectFrom('public_objections').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toObjection(r) : null
    },

    async listObjectionsOfSite(siteId) {
      const rows = await db
        .selectFrom('public_objections')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('filed_at', 'desc')
        .orderBy('id')
        .limit(500)
        .execute()
      return rows.map(toObjection)
    },

    async listObjectionsOfMerchant(merchantId) {
      const rows = await db
        .selectFrom('public_objections')
        .selectAll()
        .where('merchant_id', '=', merchantId)
        .orderBy('filed_at', 'desc')
        .orderBy('id')
        .limit(100)
        .execute()
      return rows.map(toObjection)
    },

    async decideObjection(id, d) {
      // conditional update: only an objection still waiting changes, so two staff cannot both decide
      const r = await db
        .updateTable('public_objections')
        .set({
          status: d.status,
          decided_by: d.decidedBy,
          decided_at: d.decidedAt,
          decision_reason: d.decisionReason,
          withdrawn_through: d.withdrawnThrough,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst()
      return r ? toObjection(r) : null
    },
  }
}
