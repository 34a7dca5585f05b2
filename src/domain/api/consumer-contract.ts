import { z } from 'zod'
import { CaseDetailSchema, CaseListSchema } from '../case-view.schema'
import { DESCRIPTION_MAX, SubmitComplaintSchema } from '../complaint.schema'
import { ExtractionSchema } from '../extract/extraction.schema'
import { MerchantCodeSchema, MerchantEntrySchema } from '../merchant.schema'
import { LookupInputSchema } from '../lookup-input'
import { EVIDENCE_KINDS, EvidenceViewSchema } from '../evidence.schema'
import * as Reward from '../report-reward/report-reward-reporter'
import { CONSUMER_CONSULT_API } from '../consult/consult-consumer-api'
import { PUBLIC_CONSUMER_API } from '../public-records/public-records-consumer-api'
import { NoInput, CaseIdInput, SubmitReceiptSchema, actionInput, ActionOutcomeSchema, UploadFileIdSchema } from './action-schemas'

// The consumer function's actions: what a shopper's pages call (the QR poster's complaint form,
// lookup, the shopper's own cases, consultations). Its own file so that those pages load these
// schemas and no staff function's (docs/first-page.md); contract.ts gathers every function.
export const CONSUMER_API = {
  getMerchantEntry: { input: z.object({ code: MerchantCodeSchema }), output: MerchantEntrySchema },
  searchMerchants: {
    input: z.object({ query: z.string().trim().max(30, { error: '关键词太长' }).default('') }),
    output: z.object({ items: z.array(MerchantEntrySchema) }),
  },
  submitComplaint: { input: SubmitComplaintSchema, output: SubmitReceiptSchema },
  /** the mini-program's extraction panel: proposals computed in the cloud (services/extract-text.ts) */
  extractText: { input: z.object({ text: z.string().trim().min(1).max(DESCRIPTION_MAX) }), output: ExtractionSchema },
  listMyCases: { input: NoInput, output: CaseListSchema },
  getMyCase: { input: CaseIdInput, output: CaseDetailSchema },
  lookupCase: { input: LookupInputSchema, output: CaseDetailSchema },
  /** 举报奖励: the report number + query code (anonymous reporters too) and how to be paid */
  applyReportReward: { input: Reward.ApplyRewardInputSchema, output: Reward.ReporterRewardViewSchema },
  reportRewardStatus: { input: Reward.RewardLookupInputSchema, output: Reward.ReporterRewardViewSchema },
  actOnMyCase: { input: actionInput(['withdraw', 'acceptOffer', 'refuseOffer', 'rate'], 0), output: ActionOutcomeSchema },
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
  // consultations (咨询): ask, follow, confirm a conversion (src/domain/consult/consult-consumer-api.ts)
  ...CONSUMER_CONSULT_API,
  // 投诉信息公示 (src/domain/public-records): the page of a site, for anyone
  ...PUBLIC_CONSUMER_API,
} as const
