import type { ColumnType, Generated } from 'kysely'
import type { ConsultationsTable } from './consultations-table'
import type { PublicFiguresTable, PublicMarksTable, PublicObjectionsTable, PublicSettingsTable } from './public-records-tables'
import type {
  SitesTable,
  MerchantsTable,
  MerchantInvitesTable,
  DevicesTable,
  DeviceTokensTable,
  MerchantMembersTable,
  StaffTable,
  StaffBindingsTable,
  StaffBindingCodesTable,
  StaffBindingLogTable,
  LoginFailuresTable,
  StaffSessionsTable,
} from './directory-tables'

export type * from './directory-tables'

// Row shapes of the SQL schema (see migrations/). Times are timestamptz: written as ISO strings,
// read back as Date, turned into ISO strings again by the row mappers.
type Timestamp = ColumnType<Date, string, string>

export interface CountersTable {
  name: string
  value: number
}

export interface CasesTable {
  id: string
  case_no: string
  kind: string
  status: string
  site_id: string
  merchant_id: string
  merchant_name: string
  description: string
  filed_by: string
  idempotency_key: string
  created_at: Timestamp
  updated_at: Timestamp
  version: number
  complainant_sealed: string | null
  purchase_time: string
  amount_fen: ColumnType<number | string | null, number | null, number | null> // pg returns bigint as string
  product: string
  problem_type: string
  industry: string
  demands: ColumnType<unknown, string, string> // jsonb: written as JSON text
  share_phone: boolean
  consent: ColumnType<unknown, string, string>
  channel: string
  /** when the case was received (a hand-over's time; migration 0017); null on rows written before it: created_at */
  received_at: ColumnType<Date | null, string | null | undefined, string | null>
  request_digest: string
  query_code_sealed: string
  reopen_count: number
  outcome: string | null
  completion_kind: string
  on_site_pending: boolean
  extended: boolean
  answer_kind: string | null
  rated: boolean
  satisfaction: string | null
  // the soonest running clock, kept by every write to the case's clocks (migration 0013; the board sorts on it)
  next_clock_id: ColumnType<string | null, string | null | undefined, string | null>
  /** a far-future sentinel when no clock runs (see NO_CLOCK_SENTINEL) */
  next_due_at: ColumnType<Date, string | undefined, string>
  next_remind_at: ColumnType<Date | null, string | null | undefined, string | null>
  next_urge_at: ColumnType<Date | null, string | null | undefined, string | null>
  next_explanation: ColumnType<string | null, string | null | undefined, string | null>
  next_provisional: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
}

/** A shop's record (complaints only), kept in the transaction of each change (migration 0013). */
export interface MerchantCountersTable {
  merchant_id: string
  total: ColumnType<number, number | undefined, number>
  open: ColumnType<number, number | undefined, number>
  closed: ColumnType<number, number | undefined, number>
  settled: ColumnType<number, number | undefined, number>
  response_started: ColumnType<number, number | undefined, number>
  response_on_time: ColumnType<number, number | undefined, number>
  response_late: ColumnType<number, number | undefined, number>
}

export interface EvidenceTable {
  id: string
  case_id: string | null
  uploaded_by: string
  kind: string
  mime: string
  bytes: ColumnType<number | string, number, number>
  sha256: string
  storage_key: string
  display_name: string
  created_at: Timestamp
}

export interface CaseEventsTable {
  id: string
  case_id: string
  seq: number
  type: string
  actor_role: string
  actor_id: string
  at: Timestamp
  note: string | null
  attachments: ColumnType<unknown, string, never>
  details: ColumnType<unknown, string | null, never>
  prev_hash: string
  hash: string
  /** null on events written before the case-state commitment (migration 0011) */
  state_digest: string | null
  mac: string | null
}

export interface OutboxTable {
  id: string
  case_id: string
  event_id: string
  recipient_role: string
  recipient_id: string
  template: string
  created_at: Timestamp
  delivered_at: ColumnType<Date | null, string | null | undefined, string | null>
  position: Generated<number>
  status: ColumnType<string, string | undefined, string>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: ColumnType<Date | null, string | null | undefined, string | null>
  claimed_until: ColumnType<Date | null, string | null | undefined, string | null>
  last_error: ColumnType<string | null, string | null | undefined, string | null>
}

export interface DeliveriesTable {
  event_id: string
  recipient_role: string
  recipient_id: string
  channel: string
  address: string
  outbox_id: string
  status: string
  detail: string | null
  at: Timestamp
}

export interface InboxTable {
  id: string
  recipient_role: string
  recipient_id: string
  case_id: string
  template: string
  title: string
  body: string
  created_at: Timestamp
  read_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface SubscriptionTallyTable {
  subject: string
  slot: string
  remaining: number
}

export interface CaseClocksTable {
  case_id: string
  clock_id: string
  started_at: Timestamp
  due_at: Timestamp
  remind_at: Timestamp
  urge_at: Timestamp
  explanation: string
  provisional: boolean
  stage: string
  next_check_at: ColumnType<Date | null, string | null, string | null>
  stopped_at: ColumnType<Date | null, string | null, string | null>
  /** while the case's mediation is suspended (0015) */
  paused_at: ColumnType<Date | null, string | null | undefined, string | null>
}

export interface AccessLogTable {
  id: string
  case_id: string
  viewer_role: string
  viewer_id: string
  purpose: string
  at: Timestamp
}

export interface NotificationContactsTable {
  id: string
  scope_kind: string
  /** the site's or area's id; '' for the deployment */
  scope_id: string
  label: string
  roles: ColumnType<unknown, string, string> // jsonb: written as JSON text
  events: ColumnType<unknown, string, string>
  channel: string
  /** the robot key or phone, sealed by the vault */
  target_sealed: string
  updated_by: string
  updated_at: Timestamp
}

export interface NotificationContactChangesTable {
  id: string
  contact_id: string
  scope_kind: string
  scope_id: string
  change: string
  by_role: string
  by_id: string
  at: Timestamp
}

export interface KeyChecksTable {
  name: string
  check_value: string
  created_at: Timestamp
}

export interface Database {
  sites: SitesTable
  merchants: MerchantsTable
  merchant_invites: MerchantInvitesTable
  devices: DevicesTable
  device_tokens: DeviceTokensTable
  key_checks: KeyChecksTable
  merchant_members: MerchantMembersTable
  staff: StaffTable
  staff_sessions: StaffSessionsTable
  staff_bindings: StaffBindingsTable
  staff_binding_codes: StaffBindingCodesTable
  staff_binding_log: StaffBindingLogTable
  login_failures: LoginFailuresTable
  counters: CountersTable
  cases: CasesTable
  case_events: CaseEventsTable
  outbox: OutboxTable
  evidence: EvidenceTable
  case_clocks: CaseClocksTable
  merchant_counters: MerchantCountersTable
  access_log: AccessLogTable
  deliveries: DeliveriesTable
  inbox: InboxTable
  subscription_tally: SubscriptionTallyTable
  notification_contacts: NotificationContactsTable
  notification_contact_changes: NotificationContactChangesTable
  consultations: ConsultationsTable
  public_settings: PublicSettingsTable
  public_marks: PublicMarksTable
  public_figures: PublicFiguresTable
  public_objections: PublicObjectionsTable
}
