import { caseNoCounterName, formatCaseNo } from '../../src/domain/case-number'
import type { Case, CaseEvent, OutboxMessage } from '../../src/domain/case.schema'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { NEXT_STEP_AFTER_SUBMIT } from '../../src/domain/labels'
import type { ServiceContext } from './context'

export interface SubmitReceipt {
  caseId: string
  caseNo: string
  status: Case['status']
  createdAt: string
  nextStep: string
}

const receiptOf = (c: Case): SubmitReceipt => ({
  caseId: c.id,
  caseNo: c.caseNo,
  status: c.status,
  createdAt: c.createdAt,
  nextStep: NEXT_STEP_AFTER_SUBMIT,
})

/**
 * File a complaint against the shop behind a QR code. The case, its "submitted" event and the
 * merchant's new-case notification are written together; a retry with the same idempotency key
 * returns the first case instead of filing a second one.
 */
export async function submitComplaint(ctx: ServiceContext, input: SubmitComplaintInput): Promise<Result<SubmitReceipt>> {
  const { store, clock, ids } = ctx.deps
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')

  const earlier = await store.findCaseByIdempotencyKey(subject, input.idempotencyKey)
  if (earlier) return ok(receiptOf(earlier))

  const merchant = await store.findMerchantByCode(input.merchantCode)
  if (!merchant) return fail('MERCHANT_NOT_FOUND', { merchantCode: '未找到该商户' })

  const now = clock.now()
  const at = now.toISOString()
  const caseId = ids.newId()
  const sequence = await store.nextSequence(caseNoCounterName(now))
  const newCase: Case = {
    id: caseId,
    caseNo: formatCaseNo(now, sequence),
    kind: 'complaint',
    status: 'received',
    siteId: merchant.siteId,
    merchantId: merchant.id,
    merchantName: merchant.name,
    description: input.description,
    filedBy: subject,
    idempotencyKey: input.idempotencyKey,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  const event: CaseEvent = {
    id: ids.newId(),
    caseId,
    seq: 1,
    type: 'submitted',
    actor: { role: 'consumer', id: subject },
    at,
    note: null,
  }
  const notifyMerchant: OutboxMessage = {
    id: ids.newId(),
    caseId,
    eventId: event.id,
    recipient: { role: 'merchant', id: merchant.id },
    template: 'merchant.newCase',
    createdAt: at,
  }
  const outcome = await store.createCase(newCase, event, [notifyMerchant])
  return ok(receiptOf(outcome.case))
}
