import { sql, type ColumnType, type Kysely, type Selectable } from 'kysely'
import { LetterDeliverySchema, type LetterDelivery } from '../../../src/domain/letters/letter-delivery.schema'
import { PendingLetterSchema, type PendingLetter } from '../../../src/domain/letters/pending-letter.schema'
import type { LetterStore } from '../../ports/letter-store'
import type { Database } from './database'

// Migration 0024: deliveries of 消费投诉分析建议书. The table is declared here (withTables), like the bursts'.
type LetterDeliveriesTable = {
  id: string
  merchant_id: string
  site_id: string
  quarter: string
  method: string
  delivered_by: string
  delivered_at: ColumnType<Date, string, string>
}
// Migration 0029: 待送达建议书, one row per (site, quarter, shop)
type PendingLettersTable = {
  site_id: string
  quarter: string
  merchant_id: string
  merchant_name: string
  complaints: number
  prepared_at: ColumnType<Date, string, string>
  delivery_id: string | null
}
type Tables = { letter_deliveries: LetterDeliveriesTable; pending_letters: PendingLettersTable }

const toPending = (r: Selectable<PendingLettersTable>): PendingLetter =>
  PendingLetterSchema.parse({
    siteId: r.site_id,
    quarter: r.quarter,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    complaints: Number(r.complaints),
    preparedAt: new Date(r.prepared_at).toISOString(),
    deliveryId: r.delivery_id,
  })

const toDelivery = (r: Selectable<LetterDeliveriesTable>): LetterDelivery =>
  LetterDeliverySchema.parse({
    id: r.id,
    merchantId: r.merchant_id,
    siteId: r.site_id,
    quarter: r.quarter,
    method: r.method,
    deliveredBy: r.delivered_by,
    deliveredAt: new Date(r.delivered_at).toISOString(),
  })

const INSERT_CHUNK = 500

export function sqlLetterStore(base: Kysely<Database>): LetterStore {
  const db = base.withTables<Tables>()
  return {
    async recordLetterDelivery(d) {
      // the delivery and the entry it clears in one transaction: never a delivery with its entry still owed
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('letter_deliveries')
          .values({
            id: d.id,
            merchant_id: d.merchantId,
            site_id: d.siteId,
            quarter: d.quarter,
            method: d.method,
            delivered_by: d.deliveredBy,
            delivered_at: d.deliveredAt,
          })
          .execute()
        await trx
          .updateTable('pending_letters')
          .set({ delivery_id: d.id })
          .where('merchant_id', '=', d.merchantId)
          .where('quarter', '=', d.quarter)
          .where('delivery_id', 'is', null)
          .execute()
      })
    },
    async listLetterDeliveries(merchantId) {
      const rows = await db
        .selectFrom('letter_deliveries')
        .selectAll()
        .where('merchant_id', '=', merchantId)
        .orderBy('delivered_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      return rows.map(toDelivery)
    },
    async addPendingLetters(entries) {
      let added = 0
      // a few hundred rows a statement keeps a large site under the bind-parameter limit
      for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
        const rows = sql.join(
          entries
            .slice(i, i + INSERT_CHUNK)
            .map(
              (e) =>
                sql`(${e.siteId}, ${e.quarter}, ${e.merchantId}, ${e.merchantName}, ${e.complaints}::integer, ${e.preparedAt}::timestamptz, ${e.deliveryId}::text)`,
            ),
        )
        // a letter of that quarter delivered before the run (the station handed it over early) is not owed
        // again; a second tick or a second host: the entry is there already (and may have been delivered since)
        const { rows: inserted } = await sql<{ merchant_id: string }>`
          insert into pending_letters (site_id, quarter, merchant_id, merchant_name, complaints, prepared_at, delivery_id)
          select v.site_id, v.quarter, v.merchant_id, v.merchant_name, v.complaints, v.prepared_at, v.delivery_id
          from (values ${rows}) as v (site_id, quarter, merchant_id, merchant_name, complaints, prepared_at, delivery_id)
          where not exists (select 1 from letter_deliveries d where d.merchant_id = v.merchant_id and d.quarter = v.quarter)
          on conflict (site_id, quarter, merchant_id) do nothing
          returning merchant_id`.execute(db)
        added += inserted.length
      }
      return added
    },
    async listPendingLetters(siteId) {
      const rows = await db
        .selectFrom('pending_letters')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('delivery_id', 'is', null)
        .orderBy('quarter', 'asc')
        .orderBy('merchant_name', 'asc')
        .orderBy('merchant_id', 'asc')
        .execute()
      return rows.map(toPending)
    },
  }
}
