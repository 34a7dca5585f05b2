import { z } from 'zod'
import { CASE_KINDS, FILING_CHANNELS } from '../case.schema'
import { PROBLEM_TYPES } from '../classification'
import { INDUSTRY_LINES } from '../industry'

// The statistics page's question (issue 18): a range of Beijing days, how to split it into periods, and
// optional filters. The standard view answers the page's fixed charts; a custom query is the same question
// with filters, saved by name. Validated at the API boundary and again when a saved query is read back.
const DAY = /^\d{4}-\d{2}-\d{2}$/
/** A day that exists: 2026-02-30 has the right shape but is no day (Date would read it as 2 March). */
const isRealDay = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day
/** Years a case can have: the database has no year 0, and nothing was filed before 2000 or after 2099. */
const inServiceYears = (day: string) => day >= '2000-01-01' && day <= '2099-12-31'
const Day = z
  .string({ error: '请选择日期' })
  .regex(DAY, { error: '日期格式应为 年-月-日' })
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isRealDay(day), { error: '没有这一天，请检查日期' })
  .refine(inServiceYears, { error: '日期应在2000年至2099年之间' })
/** A Beijing calendar day that exists, in the years the service can hold (exports use it too). */
export const CalendarDaySchema = Day

/** At most two years in one question; a daily split at most three months (about 92 rows in the table). */
export const MAX_SPAN_DAYS = 731
export const MAX_DAILY_SPAN_DAYS = 92

export const STATS_UNITS = ['day', 'week', 'month', 'quarter', 'custom'] as const
export type StatsUnit = (typeof STATS_UNITS)[number]
export const STATS_UNIT_LABELS: Record<StatsUnit, string> = {
  day: '按日',
  week: '按周',
  month: '按月',
  quarter: '按季度',
  custom: '整段合计',
}

const spanDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

const optional = <T extends z.ZodType>(schema: T) => schema.optional()

export const StatsQuerySchema = z
  .object({
    /** standard: the page's fixed charts; custom: filtered figures (any filter set makes it custom) */
    view: z.enum(['standard', 'custom']).default('standard'),
    unit: z.enum(STATS_UNITS, { error: '请选择统计周期' }).default('month'),
    from: Day,
    to: Day,
    /** a regulator's or an administrator's chosen site; a station may name only its own */
    siteId: optional(z.string().min(1).max(64)),
    industry: optional(z.enum(INDUSTRY_LINES, { error: '请选择行业' })),
    problemType: optional(z.enum(PROBLEM_TYPES, { error: '请选择问题类型' })),
    channel: optional(z.enum(FILING_CHANNELS, { error: '请选择投诉渠道' })),
    kind: optional(z.enum(CASE_KINDS, { error: '请选择类别' })),
    merchantId: optional(z.string().min(1).max(64)),
    /**
     * a confirmed tag's id (标签): the figures of the cases carrying it, read from the tag cube (month_tag), which
     * keeps month, site and kind only — so whole months, split by month, quarter or the whole range, and no
     * filter on 行业 / 问题类型 / 渠道 / 商户 (docs/tags.md)
     */
    tag: optional(z.string().min(1).max(64)),
  })
  .superRefine((q, ctx) => {
    const toTime = Date.parse(`${q.to}T00:00:00Z`)
    if (!q.tag || Number.isNaN(toTime)) return // a bad day is named on its own field
    const nextDay = new Date(toTime + 86_400_000).toISOString()
    if (!q.from.endsWith('-01') || nextDay.slice(8, 10) !== '01')
      ctx.addIssue({ code: 'custom', path: ['tag'], message: '按标签统计只能统计整月：开始日期选某月1日，结束日期选某月最后一天' })
    else if (q.unit === 'day' || q.unit === 'week')
      ctx.addIssue({ code: 'custom', path: ['unit'], message: '按标签统计只能按月、按季度或整段合计' })
    if (q.industry || q.problemType || q.channel || q.merchantId)
      ctx.addIssue({ code: 'custom', path: ['tag'], message: '按标签统计时不能同时按行业、问题类型、渠道或商户筛选' })
  })
  .superRefine(({ from, to, unit }, ctx) => {
    const span = spanDays(from, to)
    if (Number.isNaN(span)) return // a bad day is already named on its own field
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    else if (span > MAX_SPAN_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: '一次最多统计两年' })
    else if (unit === 'day' && span > MAX_DAILY_SPAN_DAYS)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: '按日统计最多三个月，请改为按周或按月' })
  })

export type StatsQuery = z.output<typeof StatsQuerySchema>

/** The filters a query sets, other than the site: each one makes the figures come from the full daily cube. */
export const STATS_FILTERS = ['industry', 'problemType', 'channel', 'kind', 'merchantId'] as const

export const SaveStatsQueryInputSchema = z.object({
  name: z.string({ error: '请给查询起个名字' }).trim().min(1, { error: '请给查询起个名字' }).max(30, { error: '名称不能超过30字' }),
  query: StatsQuerySchema,
})

export const StatsQueryIdInput = z.object({ id: z.string({ error: '缺少查询编号' }).min(1).max(64) })
