import { z } from 'zod'
import { CASE_KINDS, CASE_STATUSES, FILING_CHANNELS } from '../case.schema'
import { CaseSummarySchema, ClockViewSchema } from '../case-view.schema'
import { STAFF_ROLES } from '../identity'
import { INDUSTRY_LINES } from '../industry'
import { ClockSettingsSchema } from '../clocks/clock-settings'
import { TRANSFER_DESTINATIONS } from '../workflow/transfer'
import { MerchantRecordSchema } from '../merchant/merchant-record'

// The inputs and outputs of the staff functions' actions that are not a single domain schema: the
// station's board, transfers, clock settings and parked notifications, the merchant's home, the inbox
// role. Apart from action-schemas.ts (what a shopper's pages use too) so that the complaint page
// never loads these; contract.ts re-exports both.
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
