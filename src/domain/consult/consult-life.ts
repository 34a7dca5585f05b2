import { fail, ok, type Result } from '../errors'
import type { Consultation, ConsultReply } from './consultation.schema'

// The small life of a consultation (docs/domain.md "Consultations"): received → answered, or
// received → converted (the station judges it a complaint). Both close it. A conversion is completed
// by the person: they confirm the prefilled complaint, and the new case is linked here.
// No clock: the domain sets no promise for answering a consultation (docs/domain.md).

export interface StaffRef {
  staffId: string
  displayName: string
}

const closeWith = (c: Consultation, status: 'answered' | 'converted', reply: ConsultReply): Consultation => ({
  ...c,
  status,
  reply,
  closedAt: reply.at,
  updatedAt: reply.at,
  version: c.version + 1,
})

const replyOf = (text: string, entryId: string | null, by: StaffRef, at: string): Result<ConsultReply> => {
  const trimmed = text.trim()
  if (!trimmed) return fail('VALIDATION_FAILED', { text: '请填写答复内容' })
  return ok({ text: trimmed, entryId, by: { staffId: by.staffId, displayName: by.displayName }, at })
}

/** Send the answer (from the library, perhaps edited, or written from scratch). Closes it as answered. */
export function answerConsultation(c: Consultation, text: string, entryId: string | null, by: StaffRef, at: string): Result<Consultation> {
  if (c.status !== 'received') return fail('CONSULTATION_CLOSED')
  const reply = replyOf(text, entryId, by, at)
  return reply.ok ? ok(closeWith(c, 'answered', reply.data)) : reply
}

export const CONVERT_NOTE = '您反映的情况需要作为投诉处理。请点击“确认转为投诉”，核对并补充内容后提交，我们将按投诉受理。'

/** 转为投诉: closes it as converted; the note (default CONVERT_NOTE) tells the person what to do next. */
export function convertConsultation(c: Consultation, note: string, by: StaffRef, at: string): Result<Consultation> {
  if (c.status !== 'received') return fail('CONSULTATION_CLOSED')
  const reply = replyOf(note.trim() || CONVERT_NOTE, null, by, at)
  return reply.ok ? ok(closeWith(c, 'converted', reply.data)) : reply
}

export interface FiledCaseRef {
  id: string
  caseNo: string
  filedBy: string
  createdAt: string
}

/**
 * The person confirmed the complaint: link it. Only a converted consultation, only the person's own
 * complaint, filed after the conversion; linking the same case again changes nothing (a retried call).
 */
export function linkConvertedCase(c: Consultation, filed: FiledCaseRef, at: string): Result<Consultation> {
  if (c.status !== 'converted' || !c.closedAt) return fail('CONSULTATION_NOT_CONVERTED')
  if (c.caseId === filed.id) return ok(c)
  if (c.caseId) return fail('CONSULTATION_ALREADY_LINKED')
  if (filed.filedBy !== c.filedBy || Date.parse(filed.createdAt) < Date.parse(c.closedAt)) return fail('CASE_NOT_FOUND')
  return ok({ ...c, caseId: filed.id, caseNo: filed.caseNo, updatedAt: at, version: c.version + 1 })
}

/** What the complaint form starts with after a conversion: the question and the files, nothing invented. */
export interface ComplaintDraftSeed {
  consultationId: string
  description: string
  evidenceIds: string[]
  merchantId: string | null
}

export function complaintSeedOf(c: Pick<Consultation, 'id' | 'question' | 'evidenceIds' | 'merchantId'>): ComplaintDraftSeed {
  return { consultationId: c.id, description: c.question, evidenceIds: [...c.evidenceIds], merchantId: c.merchantId }
}
