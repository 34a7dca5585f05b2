import type { ColumnType } from 'kysely'

// The row shape of migrations/0016-consultations.ts (Database in database.ts lists it).
type Timestamp = ColumnType<Date, string, string>

export interface ConsultationsTable {
  id: string
  consult_no: string
  status: string
  site_id: string
  merchant_id: string | null
  merchant_name: string | null
  question: string
  contact_sealed: string | null
  evidence_ids: ColumnType<unknown, string, string>
  filed_by: string
  idempotency_key: string
  query_code_sealed: string
  reply: ColumnType<unknown, string | null, string | null>
  closed_at: ColumnType<Date | null, string | null, string | null>
  case_id: string | null
  case_no: string | null
  created_at: Timestamp
  updated_at: Timestamp
  version: number
}
