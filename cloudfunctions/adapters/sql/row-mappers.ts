import type { Selectable } from 'kysely'
import { CaseEventSchema, CaseSchema, OutboxMessageSchema } from '../../../src/domain/case.schema'
import { MerchantSchema } from '../../../src/domain/merchant.schema'
import { SiteSchema } from '../../../src/domain/site.schema'
import { MembershipSchema, StaffAccountSchema, StaffSessionSchema } from '../../ports/records'
import type { Database } from './database'

// Rows read back are parsed with the domain schemas: a row that no longer fits fails loudly here,
// at the boundary, instead of travelling on as a lie typed by a cast.
type Row<T extends keyof Database> = Selectable<Database[T]>

const iso = (value: Date | string): string => new Date(value).toISOString()

export const toSite = (r: Row<'sites'>) => SiteSchema.parse(r)

export const toMerchant = (r: Row<'merchants'>) =>
  MerchantSchema.parse({
    id: r.id,
    siteId: r.site_id,
    code: r.code,
    name: r.name,
    industry: r.industry,
    address: r.address,
    booth: r.booth,
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
  })

export const toStaffSession = (r: Row<'staff_sessions'>) =>
  StaffSessionSchema.parse({
    tokenHash: r.token_hash,
    staffId: r.staff_id,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
  })

export const toCase = (r: Row<'cases'>) =>
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
