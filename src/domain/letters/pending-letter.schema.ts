import { z } from 'zod'
import { QuarterSchema } from './letter-delivery.schema'

// 待送达建议书 (docs/analysis-letters.md, "The quarterly run"): on the first tick of a new quarter, every shop of
// a site with at least one complaint in the quarter just ended is owed a letter. One entry per (site, quarter,
// shop), written once whoever runs the tick; recording a delivery of that quarter marks it delivered.
export const PendingLetterSchema = z.object({
  siteId: z.string().min(1),
  quarter: QuarterSchema,
  merchantId: z.string().min(1),
  /** the shop's name when the entry was prepared (the list shows it without a read per shop) */
  merchantName: z.string(),
  /** complaints of the quarter, as the statistics counted them (never a report) */
  complaints: z.number().int().positive(),
  preparedAt: z.iso.datetime({ offset: true }),
  /** the delivery that cleared it; null while it is still owed */
  deliveryId: z.string().min(1).nullable(),
})
export type PendingLetter = z.infer<typeof PendingLetterSchema>

/** The quarter before "2026-Q1": "2025-Q4". */
export function previousQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter)
  if (!m) throw new Error(`not a quarter: ${quarter}`)
  const y = Number(m[1])
  const q = Number(m[2])
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
}
