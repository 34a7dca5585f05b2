import { z } from 'zod'
import { DEFAULT_BURST_RULE, type BurstRule } from './burst'

// A site's own K and window for 突发消费事件 (docs/bursts-and-similar-cases.md): a busy city site may
// want more than 5 before it is told, a small county site fewer. The bounds keep the rule meaningful:
// under 3 any pair of complaints would be a "burst", over 20 nothing would ever be; the window from an
// hour to a week. Sites without a saved setting use DEFAULT_BURST_RULE (5 within 24 h). The baseline
// rule (baseline.ts) is not per site.

export const BURST_K_MIN = 3
export const BURST_K_MAX = 20
export const BURST_WINDOW_HOURS_MIN = 1
export const BURST_WINDOW_HOURS_MAX = 168

export const BurstKSchema = z
  .number({ error: '请填写预警件数' })
  .int({ error: '预警件数须为整数' })
  .min(BURST_K_MIN, { error: `预警件数不能少于${BURST_K_MIN}件` })
  .max(BURST_K_MAX, { error: `预警件数不能多于${BURST_K_MAX}件` })

export const BurstWindowHoursSchema = z
  .number({ error: '请填写时间范围' })
  .int({ error: '时间范围须为整数小时' })
  .min(BURST_WINDOW_HOURS_MIN, { error: `时间范围不能少于${BURST_WINDOW_HOURS_MIN}小时` })
  .max(BURST_WINDOW_HOURS_MAX, { error: `时间范围不能多于${BURST_WINDOW_HOURS_MAX}小时` })

export const BurstSettingsSchema = z.object({
  siteId: z.string().min(1).max(64),
  k: BurstKSchema,
  windowHours: BurstWindowHoursSchema,
  /** the staff id of the last change; null for the defaults */
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type BurstSettings = z.infer<typeof BurstSettingsSchema>

export const defaultBurstSettings = (siteId: string): BurstSettings => ({
  siteId,
  k: DEFAULT_BURST_RULE.k,
  windowHours: DEFAULT_BURST_RULE.windowHours,
  updatedBy: null,
  updatedAt: null,
})

/** The rule the burst pass applies on a site: its saved setting, else the default. */
export const burstRuleOf = (settings: BurstSettings | null): BurstRule =>
  settings ? { k: settings.k, windowHours: settings.windowHours } : DEFAULT_BURST_RULE
