import { z } from 'zod'
import type { ClockId } from './clock-rules'

// A site's own numbers where they differ from the national defaults (docs/domain.md: every number there is
// a default a site may change). Only amounts change; which events start
// and stop a clock, and who hears about it, are the same everywhere.
const amount = (max: number, unit: string) =>
  z
    .number({ error: '请填写数字' })
    .int({ error: '请填写整数' })
    .min(1, { error: `至少1${unit}` })
    .max(max, { error: `不能超过${max}${unit}` })
    .optional()

const minutes = amount(24 * 60, '分钟')
const hours = amount(240, '小时')
const days = amount(90, '个工作日')

export const ClockSettingsSchema = z.object({
  amounts: z
    .object({
      merchant_response: minutes,
      on_site: minutes,
      first_answer: hours,
      accept_decision: days,
      // completion is set per kind of case, below
      mediation: days,
      transfer_back: hours,
      answer_after_return: hours,
      return_visit: days,
      fast_track_dispatch: minutes,
      fast_track_response: minutes,
      fast_track_feedback: hours,
      handover_department: days,
      handover_police: days,
      cross_region_transfer: hours,
      initial_review: hours,
      case_number: hours,
    } satisfies Partial<Record<ClockId, z.ZodType>>)
    .default({}),
  completion: z.object({ goods: days, services: days, ordinary: days, complex: days }).default({}),
  /** working days a complex case may be extended by, once */
  completionExtension: days,
})
export type ClockSettings = z.input<typeof ClockSettingsSchema>

/** A site that keeps every national default. */
export const NO_CLOCK_OVERRIDES = { amounts: {}, completion: {} } as const satisfies z.output<typeof ClockSettingsSchema>
