import { z } from 'zod'
import { CASE_STATUSES } from '../case.schema'
import { SubmitComplaintSchema } from '../complaint.schema'
import { IntakeSchema } from '../intake-channel'
import { LookupInputSchema } from '../lookup-input'
import { OUTCOME_CODES } from '../workflow/outcomes'
import type { CaseAction } from '../workflow/transitions'
import { ClientDetailsSchema } from '../workflow/event-details'

// The inputs and outputs of the actions that are not a single domain schema and that a shopper's
// pages use too: receipts, case actions, uploads (the complaint form reads the receipt and the proxy
// filing from here). The staff desks' boards, inboxes and settings are in staff-action-schemas.ts,
// so that the complaint page does not load them. contract.ts re-exports both.
export const NoInput = z.object({})
export const CaseIdInput = z.object({ caseId: z.string({ error: '缺少案件编号' }).min(1).max(64) })

/** What the person takes away: shown large on the phone, printed by a proxy helper. */
export const SubmitReceiptSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  /** shown once, here: together with the case number it opens the case from any device */
  queryCode: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  nextStep: z.string(),
  merchantName: z.string(),
  siteName: z.string(),
  hotline: z.string(),
})

export { LookupInputSchema }

export const ProxyFilingSchema = z.intersection(
  SubmitComplaintSchema,
  z.object({
    /** the helper confirms the notice was read aloud and the person agreed */
    attestation: z.literal(true, { error: '请确认已向当事人宣读告知并取得同意' }),
    /** station staff: a 12345 hand-over, a caller or a visitor, and when it was received (absent: the proxy point, now) */
    intake: IntakeSchema.optional(),
  }),
)

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

/**
 * Where the mini-program puts a file before consumer.registerUpload takes it in: 128 random bits
 * (hex) make the name unguessable; `file.<ext>` keeps the console readable. The function reads and
 * deletes only objects whose path matches this — never the evidence/ area it keeps files in.
 */
export const UPLOAD_PATH_SOURCE = 'uploads/[0-9a-f]{32}/file\\.[a-z0-9]{1,8}'
export const UPLOAD_PATH = new RegExp(`^${UPLOAD_PATH_SOURCE}$`)
export const UploadFileIdSchema = z
  .string({ error: '缺少上传的文件' })
  .max(512, { error: '上传的文件标识不正确' })
  .regex(new RegExp(`^cloud://[A-Za-z0-9._-]{1,200}/${UPLOAD_PATH_SOURCE}$`), { error: '上传的文件标识不正确' })
