import { z } from 'zod'

// A raised 突发消费事件 alert as stored (docs/bursts-and-similar-cases.md). (key, windowStart) is
// unique: the rule (burst.ts) and the store together raise one alert per window. The two group
// actions are recorded on it once each, so a double click never messages the complainants twice.
const Instant = z.iso.datetime({ offset: true })

/** K similar complaints against a shop, or about a product; or a shop's day against its own baseline (baseline.ts) */
export const BURST_BASES = ['merchant', 'product', 'baseline'] as const

export const GroupActionSchema = z.object({ at: Instant, by: z.string().min(1) })
export type GroupAction = z.infer<typeof GroupActionSchema>

export const BurstAlertSchema = z.object({
  id: z.string().min(1),
  siteId: z.string().min(1),
  /** `merchant:<id>`, `product:<siteId>:<product>` (burst.ts) or `baseline:<id>` (baseline.ts) */
  key: z.string().min(1),
  basis: z.enum(BURST_BASES),
  /** the shop's or the product's name as the trigger case has it */
  subject: z.string(),
  windowStart: Instant,
  windowEnd: Instant,
  /** the cases of the group when it was raised, oldest first */
  caseIds: z.array(z.string().min(1)).min(1),
  triggerCaseId: z.string().min(1),
  raisedAt: Instant,
  /** the one message to every complainant of the group; null until sent */
  messaged: GroupActionSchema.nullable(),
  /** the one group mediation (合并调解) applied to each case; null until done */
  mediated: GroupActionSchema.nullable(),
})
export type BurstAlert = z.infer<typeof BurstAlertSchema>
