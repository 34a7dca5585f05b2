import { sql, type ColumnType, type Kysely, type Selectable } from 'kysely'
import { z } from 'zod'
import { BurstAlertSchema, type BurstAlert } from '../../../src/domain/similarity/burst-alert.schema'
import { BurstSettingsSchema } from '../../../src/domain/similarity/burst-settings'
import type { BurstStore } from '../../ports/burst-store'
import type { Database } from './database'
import { outboxToRow } from './row-mappers'
import { sqlCaseScoring } from './sql-case-scoring'

// Migration 0023: 突发消费事件 alerts. The table is declared here (withTables), like the call-backs'.
type Timestamp = ColumnType<Date, string, string>
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>
type BurstAlertsTable = {
  id: string
  site_id: string
  key: string
  basis: string
  subject: string
  window_start: Timestamp
  window_end: Timestamp
  case_ids: string
  trigger_case_id: string
  raised_at: Timestamp
  messaged_at: NullableTimestamp
  messaged_by: string | null
  mediated_at: NullableTimestamp
  mediated_by: string | null
}
type BurstSettingsTable = { site_id: string; k: number; window_hours: number; updated_by: string | null; updated_at: NullableTimestamp }
type Tables = {
  burst_alerts: BurstAlertsTable
  burst_watermark: { id: boolean; at: Timestamp } // 0027: one row
  burst_settings: BurstSettingsTable // 0030: a site's own K and window
}

const iso = (d: Date | string) => new Date(d).toISOString()
const action = (at: Date | null, by: string | null) => (at && by ? { at: iso(at), by } : null)

const toAlert = (r: Selectable<BurstAlertsTable>): BurstAlert =>
  BurstAlertSchema.parse({
    id: r.id,
    siteId: r.site_id,
    key: r.key,
    basis: r.basis,
    subject: r.subject,
    windowStart: iso(r.window_start),
    windowEnd: iso(r.window_end),
    caseIds: z.array(z.string()).parse(JSON.parse(r.case_ids)),
    triggerCaseId: r.trigger_case_id,
    raisedAt: iso(r.raised_at),
    messaged: action(r.messaged_at, r.messaged_by),
    mediated: action(r.mediated_at, r.mediated_by),
  })

export function sqlBurstStore(base: Kysely<Database>): BurstStore {
  const db = base.withTables<Tables>()
  return {
    ...sqlCaseScoring(base), // the cases the pass and 案例推荐 score, without personal data

    async burstWatermark() {
      const r = await db.selectFrom('burst_watermark').select('at').executeTakeFirst()
      return r ? iso(r.at) : null
    },

    async setBurstWatermark(at) {
      await sql`insert into burst_watermark (id, at) values (true, ${at}::timestamptz)
        on conflict (id) do update set at = greatest(burst_watermark.at, excluded.at)`.execute(db)
    },

    async createBurstAlert(a, outbox) {
      return db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('burst_alerts')
          .values({
            id: a.id,
            site_id: a.siteId,
            key: a.key,
            basis: a.basis,
            subject: a.subject,
            window_start: a.windowStart,
            window_end: a.windowEnd,
            case_ids: JSON.stringify(a.caseIds),
            trigger_case_id: a.triggerCaseId,
            raised_at: a.raisedAt,
            messaged_at: a.messaged?.at ?? null,
            messaged_by: a.messaged?.by ?? null,
            mediated_at: a.mediated?.at ?? null,
            mediated_by: a.mediated?.by ?? null,
          })
          .onConflict((oc) => oc.columns(['key', 'window_start']).doNothing())
          .returning('id')
          .executeTakeFirst()
        if (!r) return false
        if (outbox.length > 0) await trx.insertInto('outbox').values(outbox.map(outboxToRow)).execute()
        return true
      })
    },

    async latestBurstAlert(key) {
      const r = await db
        .selectFrom('burst_alerts')
        .selectAll()
        .where('key', '=', key)
        .orderBy('window_start', 'desc')
        .limit(1)
        .executeTakeFirst()
      return r ? toAlert(r) : null
    },

    async getBurstAlert(id) {
      const r = await db.selectFrom('burst_alerts').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toAlert(r) : null
    },

    async listBurstAlerts(siteId, limit) {
      const rows = await db
        .selectFrom('burst_alerts')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('window_start', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toAlert)
    },

    async recordBurstMessage(id, { at, by }, outbox) {
      return db.transaction().execute(async (trx) => {
        // conditional update: only the first click records (and queues) the message
        const r = await trx
          .updateTable('burst_alerts')
          .set({ messaged_at: at, messaged_by: by })
          .where('id', '=', id)
          .where('messaged_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
        if (!r) return false
        if (outbox.length > 0) await trx.insertInto('outbox').values(outbox.map(outboxToRow)).execute()
        return true
      })
    },

    async recordBurstMediation(id, { at, by }) {
      const r = await db
        .updateTable('burst_alerts')
        .set({ mediated_at: at, mediated_by: by })
        .where('id', '=', id)
        .where('mediated_at', 'is', null)
        .returning('id')
        .executeTakeFirst()
      return r !== undefined
    },

    async getBurstSettings(siteId) {
      const r = await db.selectFrom('burst_settings').selectAll().where('site_id', '=', siteId).executeTakeFirst()
      if (!r) return null
      const updatedAt = r.updated_at ? iso(r.updated_at) : null
      return BurstSettingsSchema.parse({ siteId: r.site_id, k: r.k, windowHours: r.window_hours, updatedBy: r.updated_by, updatedAt })
    },

    async saveBurstSettings(s) {
      const set = { k: s.k, window_hours: s.windowHours, updated_by: s.updatedBy, updated_at: s.updatedAt }
      await db
        .insertInto('burst_settings')
        .values({ site_id: s.siteId, ...set })
        .onConflict((oc) => oc.column('site_id').doUpdateSet(set))
        .execute()
    },
  }
}
