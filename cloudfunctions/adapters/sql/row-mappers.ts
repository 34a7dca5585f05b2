import type { Selectable } from 'kysely'
import {
  CaseEventSchema,
  CaseSchema,
  ComplainantSchema,
  OutboxMessageSchema,
  type Case,
  type CaseEvent,
  type OutboxMessage,
} from '../../../src/domain/case.schema'
import { EvidenceSchema } from '../../../src/domain/evidence.schema'
import { z } from 'zod'
import { MerchantSchema, type Merchant } from '../../../src/domain/merchant.schema'
import { SiteSchema, type Site } from '../../../src/domain/site.schema'
import { MembershipSchema, MerchantInviteSchema, StaffAccountSchema, StaffSessionSchema } from '../../ports/records'
import type { Vault } from '../../ports/system'
import type { WorkflowState } from '../../../src/domain/workflow/state-machine'
import type { Database } from './database'

// Rows read back are parsed with the domain schemas: a row that no longer fits fails loudly here,
// at the boundary, instead of travelling on as a lie typed by a cast.
type Row<T extends keyof Database> = Selectable<Database[T]>

const iso = (value: Date | string): string => new Date(value).toISOString()
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)

export const toSite = (r: Row<'sites'>) =>
  SiteSchema.parse({
    id: r.id,
    name: r.name,
    address: r.address,
    hotline: r.hotline,
    ...(r.area_id ? { areaId: r.area_id } : {}),
    clockSettings: json(r.clock_settings),
  })

export const siteToRow = (s: Site) => ({
  id: s.id,
  name: s.name,
  address: s.address,
  hotline: s.hotline,
  area_id: s.areaId ?? null,
  clock_settings: JSON.stringify(s.clockSettings),
})

const MerchantContactSchema = z.object({ name: z.string(), phone: z.string() })

/** Shops carry their contact's name and phone sealed: the mapper needs the vault to open them. */
export const merchantRowMapper =
  (vault: Vault) =>
  (r: Row<'merchants'>): Merchant => {
    const contact = r.contact_sealed ? MerchantContactSchema.parse(JSON.parse(vault.open(r.contact_sealed))) : { name: '', phone: '' }
    return MerchantSchema.parse({
      id: r.id,
      siteId: r.site_id,
      code: r.code,
      name: r.name,
      industry: r.industry,
      address: r.address,
      booth: r.booth,
      uscc: r.uscc,
      doubleCommitmentSigned: r.double_commitment_signed,
      responseMinutes: Number(r.response_minutes),
      onSiteMinutes: Number(r.on_site_minutes),
      contactName: contact.name,
      contactPhone: contact.phone,
    })
  }

/** The columns of a shop as written; its contact sealed (or null when it gave none). */
export const merchantToRow = (vault: Vault, m: Merchant) => ({
  id: m.id,
  site_id: m.siteId,
  code: m.code,
  name: m.name,
  industry: m.industry,
  address: m.address,
  booth: m.booth,
  uscc: m.uscc,
  double_commitment_signed: m.doubleCommitmentSigned,
  response_minutes: m.responseMinutes,
  on_site_minutes: m.onSiteMinutes,
  contact_sealed: m.contactName || m.contactPhone ? vault.seal(JSON.stringify({ name: m.contactName, phone: m.contactPhone })) : null,
})

export const toInvite = (r: Row<'merchant_invites'>) =>
  MerchantInviteSchema.parse({
    id: r.id,
    merchantId: r.merchant_id,
    siteId: r.site_id,
    codeHash: r.code_hash,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    withdrawnAt: r.withdrawn_at === null ? null : iso(r.withdrawn_at),
  })

export const toMembership = (r: Row<'merchant_members'>) =>
  MembershipSchema.parse({
    id: r.id,
    merchantId: r.merchant_id,
    siteId: r.site_id,
    subject: r.subject,
    status: r.status,
    createdAt: iso(r.created_at),
  })

export const toStaff = (r: Row<'staff'>) =>
  StaffAccountSchema.parse({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    siteId: r.site_id,
    passwordHash: r.password_hash,
    createdAt: iso(r.created_at),
    // absent rather than null, so an account that was never disabled reads back as it was saved
    ...(r.disabled_at ? { disabledAt: iso(r.disabled_at) } : {}),
  })

export const toStaffSession = (r: Row<'staff_sessions'>) =>
  StaffSessionSchema.parse({
    tokenHash: r.token_hash,
    staffId: r.staff_id,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
  })

/** Cases carry sealed personal data: the mapper needs the vault to open it. */
export const caseRowMapper =
  (vault: Vault) =>
  (r: Row<'cases'>): Case =>
    CaseSchema.parse({
      id: r.id,
      caseNo: r.case_no,
      kind: r.kind,
      status: r.status,
      siteId: r.site_id,
      merchantId: r.merchant_id,
      merchantName: r.merchant_name,
      description: r.description,
      filedBy: r.filed_by,
      idempotencyKey: r.idempotency_key,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      version: Number(r.version),
      complainant: r.complainant_sealed ? ComplainantSchema.parse(JSON.parse(vault.open(r.complainant_sealed))) : null,
      purchaseTime: r.purchase_time,
      amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
      product: r.product,
      problemType: r.problem_type,
      industry: r.industry,
      demands: json(r.demands),
      sharePhoneWithMerchant: r.share_phone,
      consent: json(r.consent),
      channel: r.channel,
      receivedAt: iso(r.received_at ?? r.created_at),
      requestDigest: r.request_digest,
      queryCode: r.query_code_sealed ? vault.open(r.query_code_sealed) : '-', // '-': filed before query codes; no lookup
      reopenCount: Number(r.reopen_count),
      outcome: r.outcome,
      completionKind: r.completion_kind,
      onSitePending: r.on_site_pending,
      extended: r.extended,
      answerKind: r.answer_kind,
      rated: r.rated,
      satisfaction: r.satisfaction,
    })

/** The columns of a case as written; personal data sealed. */
export const caseToRow = (vault: Vault, c: Case) => ({
  id: c.id,
  case_no: c.caseNo,
  kind: c.kind,
  site_id: c.siteId,
  merchant_id: c.merchantId,
  merchant_name: c.merchantName,
  description: c.description,
  filed_by: c.filedBy,
  idempotency_key: c.idempotencyKey,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  version: c.version,
  complainant_sealed: c.complainant ? vault.seal(JSON.stringify(c.complainant)) : null,
  purchase_time: c.purchaseTime,
  amount_fen: c.amountFen,
  product: c.product,
  problem_type: c.problemType,
  industry: c.industry,
  demands: JSON.stringify(c.demands),
  share_phone: c.sharePhoneWithMerchant,
  consent: JSON.stringify(c.consent),
  channel: c.channel,
  received_at: c.receivedAt ?? c.createdAt,
  request_digest: c.requestDigest,
  query_code_sealed: vault.seal(c.queryCode),
  ...workflowToRow(c),
})

/** The columns the workflow moves: written at filing and by every step. */
export const workflowToRow = (w: WorkflowState) => ({
  status: w.status,
  reopen_count: w.reopenCount,
  outcome: w.outcome,
  completion_kind: w.completionKind,
  on_site_pending: w.onSitePending,
  extended: w.extended,
  answer_kind: w.answerKind,
  rated: w.rated,
  satisfaction: w.satisfaction,
})

export const eventToRow = (e: CaseEvent) => ({
  id: e.id,
  case_id: e.caseId,
  seq: e.seq,
  type: e.type,
  actor_role: e.actor.role,
  actor_id: e.actor.id,
  at: e.at,
  note: e.note,
  attachments: JSON.stringify(e.attachments),
  details: e.details ? JSON.stringify(e.details) : null,
  prev_hash: e.prevHash,
  hash: e.hash,
  state_digest: e.stateDigest ?? null,
  mac: e.mac ?? null,
})

export const outboxToRow = (m: OutboxMessage) => ({
  id: m.id,
  case_id: m.caseId,
  event_id: m.eventId,
  recipient_role: m.recipient.role,
  recipient_id: m.recipient.id,
  template: m.template,
  created_at: m.createdAt,
  next_attempt_at: m.createdAt,
})

export const toEvidence = (r: Row<'evidence'>) =>
  EvidenceSchema.parse({
    id: r.id,
    caseId: r.case_id,
    uploadedBy: r.uploaded_by,
    kind: r.kind,
    mime: r.mime,
    bytes: Number(r.bytes),
    sha256: r.sha256,
    storageKey: r.storage_key,
    displayName: r.display_name,
    createdAt: iso(r.created_at),
  })

export const toEvent = (r: Row<'case_events'>) =>
  CaseEventSchema.parse({
    id: r.id,
    caseId: r.case_id,
    seq: Number(r.seq),
    type: r.type,
    actor: { role: r.actor_role, id: r.actor_id },
    at: iso(r.at),
    note: r.note,
    attachments: json(r.attachments),
    details: json(r.details),
    prevHash: r.prev_hash,
    hash: r.hash,
    ...(r.state_digest === null ? {} : { stateDigest: r.state_digest }), // older events have neither
    ...(r.mac === null ? {} : { mac: r.mac }),
  })

export const toOutbox = (r: Row<'outbox'>) =>
  OutboxMessageSchema.parse({
    id: r.id,
    caseId: r.case_id,
    eventId: r.event_id,
    recipient: { role: r.recipient_role, id: r.recipient_id },
    template: r.template,
    createdAt: iso(r.created_at),
  })
