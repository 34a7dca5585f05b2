import { z } from 'zod'
import { DEMANDS, PROBLEM_TYPES } from './classification'
import { CONSENT_MODES } from './consent'
import { ROLES } from './identity'
import { INDUSTRY_LINES } from './industry'
import { COMPLETION_KINDS } from './clocks/clock-rules'
import { EventDetailsSchema } from './workflow/event-details'
import { OUTCOME_CODES } from './workflow/outcomes'
import { CASE_KINDS, CASE_STATUSES } from './case-kind-and-status'

// The kinds and the states of a case's life (docs/domain.md "The life of a case") are plain lists of their own.
export { CASE_KINDS, CASE_STATUSES }
export type { CaseKind, CaseStatus } from './case-kind-and-status'

const Instant = z.iso.datetime({ offset: true })

export const ActorSchema = z.object({
  role: z.enum([...ROLES, 'system']),
  id: z.string(),
})
export type Actor = z.infer<typeof ActorSchema>

/** Article-9 identity of the complainant. Encrypted at rest; masked for anyone who does not need it. */
export const ComplainantSchema = z.object({
  name: z.string(),
  phone: z.string(),
  address: z.string(),
})
export type Complainant = z.infer<typeof ComplainantSchema>

export const ConsentRecordSchema = z.object({
  version: z.string().min(1),
  at: Instant,
  mode: z.enum(CONSENT_MODES),
  /** the proxy helper who read the notice aloud and attests the person agreed */
  attestedBy: z.string().nullable(),
})
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>

// scan, search, proxy point; typed at the desk: a 12345 hand-over, a caller, a visitor (intake-channel.ts)
export const FILING_CHANNELS = ['qr', 'search', 'proxy', 'hotline_12345', 'phone', 'walk_in'] as const

export const CaseSchema = z.object({
  id: z.string().min(1),
  caseNo: z.string().min(1),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  siteId: z.string().min(1),
  merchantId: z.string().min(1),
  merchantName: z.string(),
  description: z.string(),
  /** null for an anonymous report */
  complainant: ComplainantSchema.nullable(),
  purchaseTime: z.string(),
  amountFen: z.number().int().nonnegative().nullable(),
  product: z.string(),
  problemType: z.enum(PROBLEM_TYPES),
  industry: z.enum(INDUSTRY_LINES),
  demands: z.array(z.enum(DEMANDS)),
  sharePhoneWithMerchant: z.boolean(),
  consent: ConsentRecordSchema,
  channel: z.enum(FILING_CHANNELS),
  /** when the case reached us (a hand-over's received time); every clock starts here. Absent: createdAt */
  receivedAt: Instant.optional(),
  /** the subject (openid / device hash, or proxy:<staffId>) of whoever filed it; never shown to anyone */
  filedBy: z.string().min(1),
  idempotencyKey: z.string().min(1),
  /** digest of the submitted payload: the same key with a different payload is refused */
  requestDigest: z.string().min(1),
  /** the short code handed out with the case number; sealed at rest, never shown in any view */
  queryCode: z.string().min(1),
  createdAt: Instant,
  updatedAt: Instant,
  /** how often a closed case was reopened after an unsatisfied return visit (at most once) */
  reopenCount: z.number().int().nonnegative(),
  /** why a closed case closed: closed never implies resolved */
  outcome: z.enum(OUTCOME_CODES).nullable(),
  /** goods 5 / services 7 / ordinary 7 / complex 15 working days to finish; the station may change it on accepting */
  completionKind: z.enum(COMPLETION_KINDS),
  /** the station asked for someone on site; a check-in clears it */
  onSitePending: z.boolean(),
  /** the one extension of a complex case's completion has been used */
  extended: z.boolean(),
  /** how the merchant last answered: an offer the shopper may accept, or a refusal */
  answerKind: z.enum(['offer', 'refusal']).nullable(),
  /** the shopper rated this closure (once per closure) */
  rated: z.boolean(),
  /** the last word from the shopper after a closure (rating or return visit); unsatisfied allows one reopen */
  satisfaction: z.enum(['satisfied', 'unsatisfied']).nullable(),
  /** optimistic-concurrency counter: every change bumps it */
  version: z.number().int().nonnegative(),
})
export type Case = z.infer<typeof CaseSchema>

export const EVENT_TYPES = [
  'submitted',
  'accepted',
  'rejected',
  'transferred',
  'dispatched',
  'answered',
  'checked_in',
  'offer_accepted',
  'offer_refused',
  'escalated', // the shop's response clock ran out
  'station_mediation', // the station chose to mediate before the clock ran out
  'mediated',
  'mediation_ended',
  'closed',
  'withdrawn',
  'reopened',
  'onsite_required',
  'extended',
  'rated',
  'return_visited',
  'returned', // 退回: a transfer came back, not theirs (transfer.ts)
  'transfer_confirmed', // the receipt of a 移送函 (or a cross-region sending) is recorded
  'fast_tracked', // 快速响应 decided at intake (workflow/fast-track.ts)
  'fast_track_dispatched', // 快反派单 to the team member or the shop's representative
  'fast_track_feedback', // the team reported back after closing
  'industry_changed', // staff corrected the industry line (所属行业); details say from what to what
  'answered_complainant', // the station answered the complainant after a 退回 (the 2-hour clock)
  'case_number_sent', // the complainant was told the case number and the expected time (the 2-hour clock)
  'mediation_suspended', // 中止调解: the mediation and completion clocks pause (suspension.ts)
  'mediation_resumed', // 恢复调解: they run again with the time they had left
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const CaseEventSchema = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  seq: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  actor: ActorSchema,
  at: Instant,
  note: z.string().nullable(),
  /** files attached to this step (evidence ids: the shop's photos of an offer, a mediation record) */
  attachments: z.array(z.string()).default([]),
  /** what the step carried beyond its reason: an offer, a rating, a return visit, an extension */
  details: EventDetailsSchema.nullable().default(null),
  /** hash of the previous event ('0'×64 for the first): the timeline is a chain, tampering shows */
  prevHash: z.string(),
  /** SHA-256 over this event's content and prevHash (see event-chain.ts) */
  hash: z.string(),
  /** the case row this event left behind, as keyed digests per group of fields (case-state-digest.ts); absent on older events */
  stateDigest: z.string().optional(),
  /** HMAC of `hash` under CHAIN_KEY, a key the database does not hold (chain-audit.ts); absent on older events */
  mac: z.string().optional(),
})
export type CaseEvent = z.infer<typeof CaseEventSchema>

/** A notification a change causes, written with the change and sent later by a dispatcher. */
export const OutboxMessageSchema = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  eventId: z.string().min(1),
  recipient: z.object({ role: z.enum(ROLES), id: z.string() }),
  template: z.string().min(1),
  createdAt: Instant,
})
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>
