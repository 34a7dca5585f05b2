// A case's kind and the states of its life, as plain lists: the complaint form and its draft need the
// kinds, the receipt the states, and neither needs the whole case schema (case.schema.ts, which
// re-exports these) with every event's details — so the page a QR poster opens does not build them
// (docs/first-page.md).
export const CASE_KINDS = ['complaint', 'report'] as const // 投诉 / 举报
export type CaseKind = (typeof CASE_KINDS)[number]

// The whole life of a case (docs/domain.md "The life of a case"). The transitions between them belong to the state machine.
export const CASE_STATUSES = [
  'received',
  'accepted',
  'not_accepted',
  'transferred',
  'with_merchant',
  'merchant_answered',
  'settled',
  'mediating',
  'mediated',
  'mediation_ended',
  'closed',
  'withdrawn',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
