import { z } from 'zod'
import { CASE_STATUSES } from '../case-kind-and-status'
import { SubmitComplaintSchema } from '../complaint.schema'
import { IntakeSchema } from '../intake-channel'

// What the complaint form itself sends and gets back besides the complaint: the receipt, the proxy
// desk's filing, the mini-program's upload ids. Apart from the case actions in action-schemas.ts
// (which re-exports these), whose details reach every workflow step's schema: the page a QR poster
// opens loads this file, not those (docs/first-page.md).

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

export const ProxyFilingSchema = z.intersection(
  SubmitComplaintSchema,
  z.object({
    /** the helper confirms the notice was read aloud and the person agreed */
    attestation: z.literal(true, { error: '请确认已向当事人宣读告知并取得同意' }),
    /** station staff: a 12345 hand-over, a caller or a visitor, and when it was received (absent: the proxy point, now) */
    intake: IntakeSchema.optional(),
  }),
)

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
