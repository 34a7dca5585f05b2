import { z } from 'zod'
import type { Merchant } from '../merchant.schema'
import { addFigures, monthsBefore, ZERO_FIGURES, type MonthFigures } from './public-figures'
import { withdrawnByShop, type Objection } from './objection'

// What the public page (投诉信息公示) shows, decided here and nowhere else. Per shop: its name, credit
// code, industry and whether it signed the double commitment (双承诺) — facts of the registry — and
// figures from counters: complaints in the window, the response rate (answered within its commitment)
// and the settlement rate. Never a complainant, never a description, never a reply: the input below
// has no field that could carry one.
//
// Small numbers: a shop appears only from N complaints in the window upward (N per site, default 3,
// never below 3), and a rate is shown only when its own denominator is at least N.

export const PUBLIC_THRESHOLD_DEFAULT = 3
export const PUBLIC_THRESHOLD_MIN = 3
export const PUBLIC_THRESHOLD_MAX = 100
/** The window: this month and the 11 before it; older months drop off the page. */
export const PUBLICATION_MONTHS = 12

export const ThresholdSchema = z
  .number({ error: '请填写公示门槛' })
  .int({ error: '公示门槛须为整数' })
  .min(PUBLIC_THRESHOLD_MIN, { error: `公示门槛不能小于${PUBLIC_THRESHOLD_MIN}件` })
  .max(PUBLIC_THRESHOLD_MAX, { error: `公示门槛不能大于${PUBLIC_THRESHOLD_MAX}件` })

export interface PublicSettings {
  siteId: string
  threshold: number
  updatedBy: string | null
  updatedAt: string | null
}

export const defaultSettings = (siteId: string): PublicSettings => ({
  siteId,
  threshold: PUBLIC_THRESHOLD_DEFAULT,
  updatedBy: null,
  updatedAt: null,
})

export interface ShopMonth extends MonthFigures {
  merchantId: string
  month: string
}

export type PublicShop = Pick<Merchant, 'id' | 'name' | 'uscc' | 'industry' | 'doubleCommitmentSigned'>

const Rate = z.number().min(0).max(1).nullable()
export const PublicEntrySchema = z.object({
  name: z.string(),
  uscc: z.string(),
  industry: z.string(),
  doubleCommitmentSigned: z.boolean(),
  complaints: z.number().int(),
  /** on time / decided responses; null when fewer than N responses were decided (样本不足) */
  responseRate: Rate,
  /** settled / closed; null when fewer than N cases closed */
  settlementRate: Rate,
  /** the shop objected and the station has not decided yet (a flag, never the reason) */
  objectionPending: z.boolean(),
})
export type PublicEntry = z.infer<typeof PublicEntrySchema>
/** An entry with its shop's id, for the services (the objection needs it); the public view drops it. */
export type PublishedEntry = PublicEntry & { merchantId: string }

export const PublicRecordsViewSchema = z.object({
  site: z.object({ id: z.string(), name: z.string(), hotline: z.string() }),
  threshold: z.number().int(),
  /** first and last month of the window, "YYYY-MM" */
  from: z.string(),
  through: z.string(),
  entries: z.array(PublicEntrySchema),
})
export type PublicRecordsView = z.infer<typeof PublicRecordsViewSchema>

export const windowOf = (currentMonth: string) => ({ from: monthsBefore(currentMonth, PUBLICATION_MONTHS - 1), through: currentMonth })

/** A rate only when its denominator reaches the threshold (and never above 100 %, never below 0). */
export function guardedRate(part: number, whole: number, threshold: number): number | null {
  if (whole < threshold || whole <= 0) return null
  return Math.min(1, Math.max(0, part / whole))
}

export interface PublishInput {
  shops: readonly PublicShop[]
  months: readonly ShopMonth[]
  objections: readonly Objection[]
  threshold: number
  currentMonth: string
}

/** The entries of the page: shops at or above the threshold, most complaints first, then by name. */
export function publishEntries({ shops, months, objections, threshold, currentMonth }: PublishInput): PublishedEntry[] {
  const { from, through } = windowOf(currentMonth)
  const withdrawn = withdrawnByShop(objections)
  const pending = new Set(objections.filter((o) => o.status === 'pending').map((o) => o.merchantId))
  const sums = new Map<string, MonthFigures>()
  for (const m of months) {
    if (m.month < from || m.month > through) continue
    const cut = withdrawn.get(m.merchantId)
    if (cut && m.month <= cut) continue // withdrawn after an upheld objection
    sums.set(m.merchantId, addFigures(sums.get(m.merchantId) ?? ZERO_FIGURES, m))
  }
  const entries: PublishedEntry[] = []
  for (const shop of shops) {
    const f = sums.get(shop.id)
    if (!f || f.complaints < threshold) continue
    entries.push({
      merchantId: shop.id,
      name: shop.name,
      uscc: shop.uscc,
      industry: shop.industry,
      doubleCommitmentSigned: shop.doubleCommitmentSigned,
      complaints: f.complaints,
      responseRate: guardedRate(f.responseOnTime, f.responseOnTime + f.responseLate, threshold),
      settlementRate: guardedRate(f.settled, f.closed, threshold),
      objectionPending: pending.has(shop.id),
    })
  }
  return entries.sort((a, b) => b.complaints - a.complaints || a.name.localeCompare(b.name, 'zh'))
}
