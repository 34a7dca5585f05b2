import { z } from 'zod'
import { DESCRIPTION_MAX, SubmitComplaintSchema } from '../complaint.schema'
import { ExtractionSchema } from '../extract/extraction.schema'
import { MerchantCodeSchema, MerchantEntrySchema } from '../merchant.schema'
import { EVIDENCE_KINDS, EvidenceViewSchema } from '../evidence.schema'
import { SubmitReceiptSchema, UploadFileIdSchema } from './form-action-schemas'

// The consumer function's actions that the complaint form calls (the page a QR poster opens): the
// shop, the search, the filing, speech and uploads. The gateway has these in its own chunk, so the
// form's first call fetches nothing more; the rest of the consumer function (lookups, the shopper's
// cases, consultations, public records, rewards: consumer-contract.ts) is fetched when another
// consumer page first calls it (docs/first-page.md). consumer-contract.ts spreads this table, so both
// hold the very same schema objects.
export const CONSUMER_FORM_API = {
  getMerchantEntry: { input: z.object({ code: MerchantCodeSchema }), output: MerchantEntrySchema },
  searchMerchants: {
    input: z.object({ query: z.string().trim().max(30, { error: '关键词太长' }).default('') }),
    output: z.object({ items: z.array(MerchantEntrySchema) }),
  },
  submitComplaint: { input: SubmitComplaintSchema, output: SubmitReceiptSchema },
  /** the mini-program's extraction panel: proposals computed in the cloud (services/extract-text.ts) */
  extractText: { input: z.object({ text: z.string().trim().min(1).max(DESCRIPTION_MAX) }), output: ExtractionSchema },
  /** a recording the caller uploaded (kind 'audio') → text to propose into the form */
  transcribeAudio: {
    input: z.object({ evidenceId: z.string({ error: '缺少录音' }).min(1, { error: '缺少录音' }).max(64) }),
    output: z.object({ text: z.string(), durationMs: z.number().int().nonnegative() }),
  },
  /** mini-program: a file it put into cloud storage (uploads/…) → checked, cleaned, kept as the caller's evidence */
  registerUpload: {
    input: z.object({
      fileId: UploadFileIdSchema,
      kind: z.enum(EVIDENCE_KINDS, { error: '请选择证据类型：照片、视频、录音或票据' }),
      displayName: z.string({ error: '文件名格式不正确' }).max(255, { error: '文件名太长' }).default(''),
    }),
    output: EvidenceViewSchema,
  },
} as const
