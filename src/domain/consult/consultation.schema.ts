import { z } from 'zod'
import { CASE_KINDS } from '../case.schema'
import { shanghaiDayKey } from '../time'
import { formatDayNumber } from '../case-number'

// A consultation (咨询): a question, not a complaint (docs/domain.md "Consultations"). It is the third
// kind of contact beside 投诉 and 举报, kept in its own records (not among the cases) so that no
// complaint figure, board counter or shop record can ever count one, and no shop ever sees one.
export const CONTACT_KINDS = [...CASE_KINDS, 'consultation'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

/** received → answered (closed) | converted into a complaint (closed). Nothing else. */
export const CONSULT_STATUSES = ['received', 'answered', 'converted'] as const
export type ConsultStatus = (typeof CONSULT_STATUSES)[number]
export const CONSULT_STATUS_LABELS: Record<ConsultStatus, string> = {
  received: '待答复',
  answered: '已答复',
  converted: '已转为投诉',
}

const Instant = z.iso.datetime({ offset: true })

/** Optional: a consultation is anonymous unless the person leaves a way to reach them. Sealed at rest. */
export const ConsultContactSchema = z.object({ name: z.string(), phone: z.string() })
export type ConsultContact = z.infer<typeof ConsultContactSchema>

/** What the station sent back: the answer (answered) or the note that asks for a complaint (converted). */
export const ConsultReplySchema = z.object({
  text: z.string().min(1),
  /** the reply-library entry it started from; null when written from scratch */
  entryId: z.string().nullable(),
  by: z.object({ staffId: z.string().min(1), displayName: z.string() }),
  at: Instant,
})
export type ConsultReply = z.infer<typeof ConsultReplySchema>

export const ConsultationSchema = z.object({
  id: z.string().min(1),
  consultNo: z.string().min(1),
  status: z.enum(CONSULT_STATUSES),
  siteId: z.string().min(1),
  /** the shop it is about, if any; the shop never sees it */
  merchantId: z.string().nullable(),
  merchantName: z.string().nullable(),
  question: z.string().min(1),
  contact: ConsultContactSchema.nullable(),
  /** files the person attached; a conversion carries them into the complaint, which claims them */
  evidenceIds: z.array(z.string().min(1)),
  /** the subject who asked (openid / device hash); never shown */
  filedBy: z.string().min(1),
  idempotencyKey: z.string().min(1),
  /** handed out with the number; sealed at rest, never in a view */
  queryCode: z.string().min(1),
  reply: ConsultReplySchema.nullable(),
  closedAt: Instant.nullable(),
  /** the complaint the person filed after a conversion, once they confirmed it */
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  /** optimistic-concurrency counter: every change bumps it */
  version: z.number().int().nonnegative(),
})
export type Consultation = z.infer<typeof ConsultationSchema>

/** ZX-20261205-0007: like a case number (read out, typed), with its own prefix and counter. */
export const formatConsultNo = (receivedAt: Date | string, sequenceOfDay: number): string =>
  formatDayNumber('ZX', receivedAt, sequenceOfDay)

export const consultNoCounterName = (receivedAt: Date | string) => `consult-no:${shanghaiDayKey(receivedAt)}`

/** Typed loosely (lower case, spaces, without the dashes, full-width digits): the canonical number, or null. */
export function normalizeConsultNo(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·\u2010-\u2015\u2212\u30FC]/g, '')
  const m = /^ZX(\d{8})(\d{4,})$/.exec(compact)
  return m ? `ZX-${m[1]}-${m[2]}` : null
}

export const isConsultNo = (input: string) => normalizeConsultNo(input) !== null
