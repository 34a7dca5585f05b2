import { z } from 'zod'
import type { FILING_CHANNELS } from './case.schema'
import { fail, ok, type Result } from './errors'
import { formatShanghaiDateTime } from './time'

// How a case reached us (docs/domain.md "Channels"). A shopper files on their own phone by scanning
// the shop's poster (qr) or by searching for the shop in the mini-program (search); everything else
// is typed by staff at a desk: the proxy point's helper (proxy), a 12345 hotline hand-over with its
// 转办单 (hotline_12345), a caller on the phone (phone) or someone who walked in (walk_in).
// A hand-over was received before anyone typed it, and every clock counts from that instant (the
// case's receivedAt), never from the minute of typing.
export type FilingChannel = (typeof FILING_CHANNELS)[number]

export const CHANNEL_LABELS: Record<FilingChannel, string> = {
  qr: '扫码投诉',
  search: '小程序搜索',
  proxy: '代帮办点',
  hotline_12345: '12345转办',
  phone: '电话登记',
  walk_in: '来访登记',
}

/** Channels typed by staff at the desk: the person has no device on the case and hears by SMS. */
export const DESK_CHANNELS = ['proxy', 'hotline_12345', 'phone', 'walk_in'] as const satisfies readonly FilingChannel[]
export type DeskChannel = (typeof DESK_CHANNELS)[number]

/** Only station staff take hand-overs, calls and visitors; a proxy point's helper files as the proxy point. */
export const STATION_ONLY_CHANNELS: readonly DeskChannel[] = ['hotline_12345', 'phone', 'walk_in']

export const filedByStaff = (channel: FilingChannel): boolean => (DESK_CHANNELS as readonly string[]).includes(channel)

/** How far back a hand-over's received time may lie: older ones are typed wrong, or belong in the archive. */
export const RECEIVED_AT_MAX_AGE_DAYS = 30
const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/ // a datetime input, Beijing time
// 转办单号: free text as the 12345 platform prints it (letters, digits, dashes, slashes), of a sane length
const HANDOVER_NO = /^[\p{L}\p{N}\-_/()（）.·]+$/u

/**
 * What the desk sends besides the complaint: the channel, and for a hand-over its 转办单号 and when
 * 12345 handed it over. Absent (a proxy point's filing) it is the proxy channel, received now.
 */
export const IntakeSchema = z
  .object({
    channel: z.enum(DESK_CHANNELS, { error: '请选择登记方式' }).default('proxy'),
    /** Beijing local "YYYY-MM-DDTHH:mm"; empty: received now */
    receivedAt: z
      .string({ error: '格式不正确' })
      .trim()
      .refine((v) => v === '' || LOCAL_MINUTE.test(v), { error: '请选择接收时间' })
      .default(''),
    handoverNo: z
      .string({ error: '格式不正确' })
      .trim()
      .max(40, { error: '转办单号不能超过40个字符' })
      .refine((v) => v === '' || (v.length >= 4 && HANDOVER_NO.test(v)), { error: '转办单号格式不正确（4到40位字母、数字或短横线）' })
      .default(''),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (v.channel === 'hotline_12345') {
      if (!v.handoverNo) issue('handoverNo', '请填写12345转办单号')
      if (!v.receivedAt) issue('receivedAt', '请填写12345转办的接收时间')
    } else if (v.handoverNo) issue('handoverNo', '只有12345转办需要填写转办单号')
  })
export type IntakeInput = z.input<typeof IntakeSchema>
export type Intake = z.output<typeof IntakeSchema>

/** "2026-02-10T09:30" in Beijing → the instant. */
export const instantOfLocalMinute = (local: string): Date => new Date(`${local}:00+08:00`)

/**
 * When the case was received: the hand-over's (or call's) time as staff typed it, else `now`. It
 * may not lie in the future (one minute of clock skew between desk and server is forgiven), nor more
 * than RECEIVED_AT_MAX_AGE_DAYS back. The domain never reads the clock: `now` is passed in.
 */
export function receivedInstant(intake: Intake, now: Date): Result<Date> {
  if (!intake.receivedAt) return ok(now)
  const at = instantOfLocalMinute(intake.receivedAt)
  if (Number.isNaN(at.getTime())) return fail('VALIDATION_FAILED', { 'intake.receivedAt': '接收时间不正确' })
  if (at.getTime() > now.getTime() + 60_000) return fail('VALIDATION_FAILED', { 'intake.receivedAt': '接收时间不能晚于现在' })
  if (at.getTime() < now.getTime() - RECEIVED_AT_MAX_AGE_DAYS * 86_400_000)
    return fail('VALIDATION_FAILED', { 'intake.receivedAt': `接收时间不能早于${RECEIVED_AT_MAX_AGE_DAYS}天前` })
  return ok(at)
}

/** Written by the server on the filing of a desk case that came from 12345, the phone or a visit. */
export const IntakeDetailsSchema = z.object({
  kind: z.literal('intake'),
  channel: z.enum(DESK_CHANNELS),
  /** the 12345 转办单号; '' for a call or a visit */
  handoverNo: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
})
export type IntakeDetails = z.infer<typeof IntakeDetailsSchema>

/** The timeline's line for a desk filing: how it came in, and when it was received. */
export function describeIntake(d: IntakeDetails): string {
  const no = d.handoverNo ? `，转办单号 ${d.handoverNo}` : ''
  return `${CHANNEL_LABELS[d.channel]}${no}，接收时间 ${formatShanghaiDateTime(d.receivedAt)}`
}
