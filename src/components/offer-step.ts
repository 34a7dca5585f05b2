import type { FieldErrors } from '../domain/errors'
import { yuanToFen } from '../domain/money'
import type { ClientDetails, Remedy } from '../domain/workflow/event-details'
import type { CaseStep } from '../hooks/use-case-action'

// The merchant's answer as the form holds it → the step sent, or the errors to show first. Keys
// are the server's (details.remedy, details.amountFen, details.note, attachments).
export type OfferChoice = Remedy | 'refusal'

/** Remedies where an amount makes sense; the others send none. */
export const MONEY_REMEDIES: readonly OfferChoice[] = ['refund', 'compensation']
export const MAX_OFFER_PHOTOS = 4

export interface OfferDraft {
  choice: OfferChoice | ''
  amount: string
  note: string
  photoIds: string[]
  /** an upload still running or failed, in words ('' when none) */
  photoProblem: string
}

export function offerStep(draft: OfferDraft): { step: CaseStep } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const note = draft.note.trim()
  if (!draft.choice) errors['details.remedy'] = '请选择处理方案，或选择“不同意”'
  let amountFen: number | null = null
  if (draft.choice && MONEY_REMEDIES.includes(draft.choice)) {
    const fen = yuanToFen(draft.amount)
    if (fen === undefined) errors['details.amountFen'] = '金额格式不正确，请填写数字，如 128 或 128.50'
    else if (fen === 0) errors['details.amountFen'] = '金额应大于0元；不涉及金额请留空'
    else amountFen = fen
  }
  if (draft.choice === 'refusal' && note.length < 2) errors['details.note'] = '请说明不同意的理由'
  if (draft.photoProblem) errors.attachments = draft.photoProblem
  if (Object.keys(errors).length > 0 || !draft.choice) return { errors }

  const details: ClientDetails =
    draft.choice === 'refusal' ? { kind: 'refusal', note } : { kind: 'offer', remedy: draft.choice, amountFen, note }
  return { step: { reason: '', details, attachments: draft.photoIds } }
}
