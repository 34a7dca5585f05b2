import type { ColumnType } from 'kysely'

// Row shapes of migration 0022 (投诉信息公示); database.ts puts them into the Database.
type Timestamp = ColumnType<Date, string, string>
type Count = ColumnType<number, number | undefined, number>

export interface PublicSettingsTable {
  site_id: string
  threshold: number
  updated_by: string | null
  updated_at: ColumnType<Date | null, string | null, string | null>
}

export interface PublicMarksTable {
  merchant_id: string
  total: number
  closed: number
  settled: number
  response_on_time: number
  response_late: number
  marked_at: Timestamp
}

export interface PublicFiguresTable {
  site_id: string
  merchant_id: string
  month: string
  complaints: Count
  closed: Count
  settled: Count
  response_on_time: Count
  response_late: Count
}

export interface PublicObjectionsTable {
  id: string
  site_id: string
  merchant_id: string
  filed_by: string
  reason: string
  filed_at: Timestamp
  period_through: string
  status: string
  decided_by: string | null
  decided_at: ColumnType<Date | null, string | null, string | null>
  decision_reason: string | null
  withdrawn_through: string | null
}
