import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, FILING_CHANNELS } from '../case.schema'
import { CaseSummarySchema, ClockViewSchema } from '../case-view.schema'
import { SubmitComplaintSchema } from '../complaint.schema'
import { IntakeSchema } from '../intake-channel'
import { STAFF_ROLES } from '../identity'
import { INDUSTRY_LINES } from '../industry'
import { LookupInputSchema } from '../lookup-input'
import { OUTCOME_CODES } from '../workflow/outcomes'
import type { CaseAction } from '../workflow/transitions'
import { ClockSettingsSchema } from '../clocks/clock-settings'
import { ClientDetailsSchema } from '../workflow/event-details'
import { TRANSFER_DESTINATIONS } from '../workflow/transfer'
import { MerchantRecordSchema } from '../merchant/merchant-record'

// The inputs and outputs of the actions that are not a single domain schema: the case-facing
// receipts, boards, inboxes and uploads. contract.ts puts them into the table of actions.
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

/** 转办 within the system: the other sites a case may move to. */
export const TransferTargetsSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })

/** The 移送函 printed at the desk for a transfer outside the system (transfer-desk.ts). */
export const TransferLetterSchema = z.object({
  caseNo: z.string(),
  destination: z.enum(TRANSFER_DESTINATIONS),
  destinationLabel: z.string(),
  toName: z.string(),
  fromSiteName: z.string(),
  fromHotline: z.string(),
  decidedAt: z.string(),
  reason: z.string(),
  merchantName: z.string(),
  complainantName: z.string(),
  complainantPhone: z.string(),
  receivedAt: z.string(),
  description: z.string(),
})

/** A case in the clerk's inbox, with the shop's own clocks for live countdowns (nextDue may be another clock). */
export const MerchantCaseSummarySchema = CaseSummarySchema.extend({
  /** the running 45-minute (or the shop's own) response clock, if any */
  responseDue: ClockViewSchema.nullable(),
  /** the running on-site clock, if the station asked for someone on site */
  onSiteDue: ClockViewSchema.nullable(),
})

export const MerchantHomeSchema = z.object({
  merchant: z.object({ code: z.string(), name: z.string(), siteName: z.string(), commitment: z.string().nullable() }),
  cases: z.array(MerchantCaseSummarySchema),
  /** on-time response and self-settlement rates, open and total cases */
  record: MerchantRecordSchema,
  /** the server's clock, so a countdown is right even on a phone whose clock is off */
  now: z.string(),
})

export const StaffMeSchema = z.object({
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  siteName: z.string().nullable(),
})

/** The board's filters; every one optional. */
export const BoardFilterSchema = z.object({
  status: z.enum(CASE_STATUSES, { error: '请选择有效的状态' }).optional(),
  colour: z.enum(['green', 'yellow', 'red'], { error: '请选择有效的时限状态' }).optional(),
  merchantCode: z.string().trim().toUpperCase().max(16).optional(),
  kind: z.enum(CASE_KINDS, { error: '请选择投诉或举报' }).optional(),
  channel: z.enum(FILING_CHANNELS, { error: '请选择有效的登记方式' }).optional(),
  /** 所属行业: derived at filing, corrected by staff (station.setIndustry) */
  industry: z.enum(INDUSTRY_LINES, { error: '请选择有效的所属行业' }).optional(),
  /** a tag staff confirmed on the case (标签, docs/tags.md) */
  tag: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, { error: '请选择有效的标签' })
    .optional(),
  /** part of the case number, the shop's name or the product */
  text: z.string().trim().max(40, { error: '搜索内容不能超过40字' }).optional(),
  /** open cases only (the default), or all */
  scope: z.enum(['open', 'all']).default('open'),
  /** where the previous page ended (its nextCursor); absent for the first page */
  cursor: z.string().max(200).optional(),
})

export const StationBoardSchema = z.object({
  siteName: z.string().nullable(),
  items: z.array(CaseSummarySchema),
  /** pass as `cursor` for the next page; null on the last one */
  nextCursor: z.string().nullable(),
})

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

/** Which site's settings: a station's own (omit it); a regulator names one. */
export const SiteScopeInput = z.object({ siteId: z.string().min(1).max(64).optional() })

/** A site's clock numbers: its overrides, and every clock as it now applies (defaults filled in). */
export const SiteClockSettingsSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  settings: ClockSettingsSchema,
  effective: z.array(
    z.object({ clockId: z.string(), label: z.string(), unit: z.string(), amount: z.number(), kind: z.string().nullable() }),
  ),
})

/** Notifications that failed too often, for the station to see and send again. */
export const ParkedListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNo: z.string(),
      template: z.string(),
      recipientRole: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
    }),
  ),
})

export const InboxRole = z.object({ as: z.enum(['consumer', 'merchant', 'station', 'regulator'], { error: '请选择身份' }) })

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
