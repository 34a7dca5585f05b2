import type { ColumnType, Kysely, Selectable } from 'kysely'
import { LetterDeliverySchema, type LetterDelivery } from '../../../src/domain/letters/letter-delivery.schema'
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
type Tables = { letter_deliveries: LetterDeliveriesTable }

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

export function sqlLetterStore(base: Kysely<Database>): LetterStore {
  const db = base.withTables<Tables>()
  return {
    async recordLetterDelivery(d) {
      await db
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
  }
}
