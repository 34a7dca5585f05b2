import { z } from 'zod'
import { CASE_STATUSES } from '../case-kind-and-status'
import { LookupInputSchema } from '../lookup-input'
import { OUTCOME_CODES } from '../workflow/outcomes'
import type { CaseAction } from '../workflow/transitions'
import { ClientDetailsSchema } from '../workflow/event-details'

// The inputs and outputs of the actions that are not a single domain schema and that a shopper's
// pages use too: receipts, case actions, uploads (the complaint form reads the receipt and the proxy
// filing from form-action-schemas.ts, re-exported here). The staff desks' boards, inboxes and settings
// are in staff-action-schemas.ts, so that the complaint page does not load them. contract.ts re-exports both.
export { ProxyFilingSchema, SubmitReceiptSchema, UPLOAD_PATH, UPLOAD_PATH_SOURCE, UploadFileIdSchema } from './form-action-schemas'

export const NoInput = z.object({})
export const CaseIdInput = z.object({ caseId: z.string({ error: '缺少案件编号' }).min(1).max(64) })

export { LookupInputSchema }

export const Reason = z.string({ error: '格式不正确' }).trim().max(500, { error: '原因不能超过500字' }).default('')
export const attachmentsUpTo = (max: number) =>
  z
    .array(z.string().min(1).max(64), { error: '附件格式不正确' })
    .max(max, { error: max === 0 ? '此操作不能附加文件' : `附件最多${max}个` })
    .default([])
// `action` is taken by the event itself (which function action to run), so the step is `caseAction`.
export const actionInput = <A extends readonly [CaseAction, ...CaseAction[]]>(actions: A, maxAttachments: number) =>
  CaseIdInput.extend({
    caseAction: z.enum(actions, { error: '不支持的操作' }),
    reason: Reason,
    /** the merchant's offer or refusal, the shopper's rating, the answers of a return visit */
    details: ClientDetailsSchema.nullable().default(null),
    attachments: attachmentsUpTo(maxAttachments),
  })

export const ActionOutcomeSchema = z.object({
  caseId: z.string(),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  version: z.number().int(),
})
