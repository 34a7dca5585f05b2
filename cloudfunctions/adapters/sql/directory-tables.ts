import type { ColumnType } from 'kysely'

// Row shapes of the directory's and identity's SQL tables (sites, shops, devices, staff, bindings,
// invites); database.ts puts them into the Database with the case tables.
type Timestamp = ColumnType<Date, string, string>

export interface SitesTable {
  id: string
  name: string
  address: string
  hotline: string
  clock_settings: ColumnType<unknown, string | undefined, string>
  area_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface MerchantsTable {
  id: string
  site_id: string
  code: string
  name: string
  industry: string
  address: string
  booth: string
  uscc: ColumnType<string, string | undefined, string>
  double_commitment_signed: ColumnType<boolean, boolean | undefined, boolean>
  response_minutes: ColumnType<number, number | undefined, number>
  on_site_minutes: ColumnType<number, number | undefined, number>
  /** the contact's { name, phone } sealed by the vault; null when the shop gave none */
  contact_sealed: string | null
}

export interface MerchantInvitesTable {
  id: string
  merchant_id: string
  site_id: string
  code_hash: string
  created_by: string
  created_at: Timestamp
  expires_at: Timestamp
  withdrawn_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface DevicesTable {
  subject: string
  first_seen_at: Timestamp
}

export interface DeviceTokensTable {
  token_hash: string
  subject: string
  issued_at: Timestamp
  retired_at: Timestamp | null
  retired_for: string | null
}

export interface MerchantMembersTable {
  id: string
  merchant_id: string
  site_id: string
  subject: string
  status: string
  created_at: Timestamp
}

export interface StaffTable {
  id: string
  username: string
  display_name: string
  role: string
  site_id: string | null
  password_hash: string
  created_at: Timestamp
  disabled_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface StaffBindingsTable {
  id: string
  staff_id: string
  subject: string
  via: string
  created_at: Timestamp
  revoked_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface StaffBindingCodesTable {
  code_hash: string
  staff_id: string
  issued_by: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: ColumnType<Date | null, string | null | undefined, string | null>
  used_by: ColumnType<string | null, string | null | undefined, string | null>
}

export interface StaffBindingLogTable {
  id: string
  action: string
  staff_id: string
  subject: string | null
  via: string
  actor: string
  at: Timestamp
}

export interface LoginFailuresTable {
  key: string
  failures: number
  last_failure_at: Timestamp
  locked_until: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface StaffSessionsTable {
  token_hash: string
  staff_id: string
  created_at: Timestamp
  expires_at: Timestamp
}
