import { z } from 'zod'
import { ROLES } from './identity'

export const CASE_KINDS = ['complaint', 'report'] as const // 投诉 / 举报

// The whole life of a case (DOMAIN.md). The transitions between them belong to the state machine.
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

const Instant = z.iso.datetime({ offset: true })

export const ActorSchema = z.object({
  role: z.enum([...ROLES, 'system']),
  id: z.string(),
})
export type Actor = z.infer<typeof ActorSchema>

export const CaseSchema = z.object({
  id: z.string().min(1),
  caseNo: z.string().min(1),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  siteId: z.string().min(1),
  merchantId: z.string().min(1),
  merchantName: z.string(),
  description: z.string(),
  /** the subject (openid / device hash) of whoever filed it; never shown to anyone */
  filedBy: z.string().min(1),
  idempotencyKey: z.string().min(1),
  createdAt: Instant,
  updatedAt: Instant,
  /** optimistic-concurrency counter: every change bumps it */
  version: z.number().int().nonnegative(),
})
export type Case = z.infer<typeof CaseSchema>

export const EVENT_TYPES = ['submitted'] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const CaseEventSchema = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  seq: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  actor: ActorSchema,
  at: Instant,
  note: z.string().nullable(),
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
