import { z } from 'zod'
import { INDUSTRY_LINES } from '../industry'
import { formatFen } from '../money'
import { describeIntake, IntakeDetailsSchema } from '../intake-channel'
import { describeNotAccepted, NotAcceptedDetailsSchema } from './not-accepted'
import { describeTransfer, TransferDetailsSchema } from './transfer'
import { describeReportFinding, ReportFindingDetailsSchema } from '../report-reward/report-finding'
import { describeFastTrack, FastTrackDetailsSchema, TeamCheckInDetailsSchema } from './fast-track'
import { describeResumption, describeSuspension, ResumptionDetailsSchema, SuspensionDetailsSchema } from './suspension'

// What some steps carry beyond a reason: the merchant's offer, the shopper's rating, the answers of
// a return visit, the terms of an extension. Stored with the event (and covered by its hash), so
// the timeline says exactly what was offered and what was answered — never edited later.
export const REMEDIES = ['refund', 'exchange', 'repair', 'compensation', 'explanation'] as const
export type Remedy = (typeof REMEDIES)[number]
export const REMEDY_LABELS: Record<Remedy, string> = {
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  compensation: '赔偿',
  explanation: '解释说明',
}

const Note = z.string({ error: '格式不正确' }).trim().max(500, { error: '说明不能超过500字' }).default('')
const Score = z.number({ error: '请打分' }).int({ error: '请打分' }).min(1, { error: '请打1到5分' }).max(5, { error: '请打1到5分' })

export const OfferDetailsSchema = z.object({
  kind: z.literal('offer'),
  remedy: z.enum(REMEDIES, { error: '请选择处理方式' }),
  /** what the shop pays or refunds, in fen; null when the remedy involves no money */
  amountFen: z.number({ error: '金额格式不正确' }).int().nonnegative().max(100_000_000_00, { error: '金额过大' }).nullable().default(null),
  note: Note,
})

/** The shop declines, and says why (the shopper may then ask the station to mediate). */
export const RefusalDetailsSchema = z.object({
  kind: z.literal('refusal'),
  note: z.string({ error: '请说明不同意的理由' }).trim().min(2, { error: '请说明不同意的理由' }).max(500, { error: '说明不能超过500字' }),
})

/** After a closure the shopper rates speed, professionalism and attitude (1–5), and says satisfied or not. */
export const RatingDetailsSchema = z.object({
  kind: z.literal('rating'),
  speed: Score,
  professionalism: Score,
  attitude: Score,
  satisfied: z.boolean({ error: '请选择是否满意' }),
  comment: Note,
})

/** The four must-ask questions of a return visit (docs/domain.md "Return visits and satisfaction"). */
export const ReturnVisitDetailsSchema = z.object({
  kind: z.literal('return_visit'),
  knowsResult: z.boolean({ error: '请选择是否知道处理结果' }),
  promiseKept: z.boolean({ error: '请选择商家是否履行承诺' }),
  satisfied: z.boolean({ error: '请选择是否满意' }),
  improve: Note,
  unresolved: Note,
})

/** Written by the server when a complex case's completion clock is extended once. */
export const ExtensionDetailsSchema = z.object({
  kind: z.literal('extension'),
  workingDays: z.number().int().positive(),
  previousDueAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }),
})

/**
 * Written by the server on the filing of a complaint that went straight to its shop (the shop signed
 * the double commitment): the minutes it promised, so the timeline says where the case went and why.
 */
export const DirectToMerchantDetailsSchema = z.object({
  kind: z.literal('direct_to_merchant'),
  responseMinutes: z.number().int().positive(),
})

/**
 * Written by the server when staff change a case's industry line (所属行业): from what, to what. The
 * shopper no longer chooses it (extraction derives it), so staff correct it, on record.
 */
export const IndustryChangeDetailsSchema = z.object({
  kind: z.literal('industry'),
  from: z.enum(INDUSTRY_LINES),
  to: z.enum(INDUSTRY_LINES),
})

/** "2026-02-30" is not a day: it must come back unchanged from the calendar. */
function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * 调解成功: what both sides agreed before the station — the terms, the money (fen, null when none)
 * and the day by which the shop must perform. Both parties see it in their case views.
 */
export const AgreementDetailsSchema = z.object({
  kind: z.literal('agreement'),
  terms: z.string({ error: '请填写协议内容' }).trim().min(2, { error: '请填写协议内容' }).max(1000, { error: '协议内容不能超过1000字' }),
  amountFen: z.number({ error: '金额格式不正确' }).int().nonnegative().max(100_000_000_00, { error: '金额过大' }).nullable().default(null),
  /** the local (Beijing) calendar day, YYYY-MM-DD */
  performBy: z
    .string({ error: '请选择履行日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请选择履行日期' })
    .refine(isCalendarDay, { error: '履行日期不正确' }),
})

export const EventDetailsSchema = z.discriminatedUnion('kind', [
  OfferDetailsSchema,
  RefusalDetailsSchema,
  RatingDetailsSchema,
  ReturnVisitDetailsSchema,
  ExtensionDetailsSchema,
  AgreementDetailsSchema,
  DirectToMerchantDetailsSchema,
  IndustryChangeDetailsSchema,
  FastTrackDetailsSchema, // written by the server from the station's fast-track choice (fast-track.ts)
  ReportFindingDetailsSchema, // written by the server when a report closes with its finding
  TeamCheckInDetailsSchema, // the quick-response team member's check-in (its location is kept apart, sealed)
  NotAcceptedDetailsSchema, // 不予受理's ground (not-accepted.ts)
  TransferDetailsSchema, // 转办's destination (transfer.ts)
  IntakeDetailsSchema, // written by the server on a desk filing: channel, 转办单号, received time (intake-channel.ts)
  SuspensionDetailsSchema, // 中止调解's ground (suspension.ts)
  ResumptionDetailsSchema, // written by the server on resuming: since when it was suspended
])
export type EventDetails = z.infer<typeof EventDetailsSchema>
export type EventDetailsKind = EventDetails['kind']

/** Details a person may send with a step (an extension's terms are the server's to write). */
export const ClientDetailsSchema = z.discriminatedUnion(
  'kind',
  [
    OfferDetailsSchema,
    RefusalDetailsSchema,
    RatingDetailsSchema,
    ReturnVisitDetailsSchema,
    AgreementDetailsSchema,
    NotAcceptedDetailsSchema,
    TransferDetailsSchema,
    SuspensionDetailsSchema,
  ],
  {
    error: '请填写完整的办理信息',
  },
)
export type ClientDetails = z.infer<typeof ClientDetailsSchema>

const yesNo = (v: boolean) => (v ? '是' : '否')

/** "2026-12-20" → "2026年12月20日" */
export function formatPerformBy(day: string): string {
  const [y, m, d] = day.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** One line for the timeline, in plain Chinese. */
export function describeDetails(d: EventDetails): string {
  switch (d.kind) {
    case 'offer': {
      const money = d.amountFen !== null && d.amountFen > 0 ? ` ${formatFen(d.amountFen)}` : ''
      return `商家方案：${REMEDY_LABELS[d.remedy]}${money}${d.note ? `，${d.note}` : ''}`
    }
    case 'refusal':
      return `商家不同意：${d.note}`
    case 'rating':
      return `评价：处理速度${d.speed}分，专业程度${d.professionalism}分，服务态度${d.attitude}分，${d.satisfied ? '满意' : '不满意'}${d.comment ? `。${d.comment}` : ''}`
    case 'return_visit':
      return `回访：知道处理结果 ${yesNo(d.knowsResult)}；商家履行承诺 ${yesNo(d.promiseKept)}；满意 ${yesNo(d.satisfied)}${d.unresolved ? `；仍未解决：${d.unresolved}` : ''}${d.improve ? `；建议：${d.improve}` : ''}`
    case 'extension':
      return `办结期限延长 ${d.workingDays} 个工作日`
    case 'direct_to_merchant':
      return `商家已签署双承诺，投诉已直接送达商家，商家承诺 ${d.responseMinutes} 分钟内回应`
    case 'agreement': {
      const money = d.amountFen !== null && d.amountFen > 0 ? `，金额 ${formatFen(d.amountFen)}` : ''
      return `调解协议：${d.terms}${money}，${formatPerformBy(d.performBy)}前履行`
    }
    case 'fast_track':
      return describeFastTrack(d)
    case 'report_finding':
      return describeReportFinding(d)
    case 'team_check_in':
      return d.located ? '快反队员到场签到，已记录签到位置' : '快反队员到场签到'
    case 'not_accepted':
      return describeNotAccepted(d)
    case 'transfer':
      return describeTransfer(d)
    case 'intake':
      return describeIntake(d)
    case 'industry':
      return `所属行业由「${d.from}」改为「${d.to}」`
    case 'suspension':
      return describeSuspension(d)
    case 'resumption':
      return describeResumption(d)
  }
}
