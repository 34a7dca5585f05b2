import { z } from 'zod'

// 异议: a shop may object to its published entry, with a reason; the station decides. Upheld, the
// figures the entry showed (every month up to the one the objection was filed in) are withdrawn from
// the page; rejected, the entry stays. Who decided, when and why is kept with the objection.

export const OBJECTION_STATUSES = ['pending', 'upheld', 'rejected'] as const

const Month = z.string().regex(/^\d{4}-\d{2}$/)

export const ObjectionSchema = z.object({
  id: z.string().min(1),
  siteId: z.string().min(1),
  merchantId: z.string().min(1),
  /** the clerk's subject (never shown outside the station) */
  filedBy: z.string().min(1),
  reason: z.string().min(1),
  filedAt: z.string(),
  /** the last month of the entry objected to (the month it was filed in) */
  periodThrough: Month,
  status: z.enum(OBJECTION_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** upheld: the shop's figures up to and including this month are withdrawn from the page */
  withdrawnThrough: Month.nullable(),
})
export type Objection = z.infer<typeof ObjectionSchema>

export interface ObjectionDecision {
  status: 'upheld' | 'rejected'
  decidedBy: string
  decidedAt: string
  decisionReason: string
  withdrawnThrough: string | null
}

/** The decision as written: upheld withdraws the months the objection was about. */
export function decisionOn(o: Objection, uphold: boolean, decidedBy: string, decidedAt: string, reason: string): ObjectionDecision {
  return {
    status: uphold ? 'upheld' : 'rejected',
    decidedBy,
    decidedAt,
    decisionReason: reason,
    withdrawnThrough: uphold ? o.periodThrough : null,
  }
}

/** The latest month withdrawn for each shop by an upheld objection. */
export function withdrawnByShop(objections: readonly Objection[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const o of objections) {
    if (o.status !== 'upheld' || !o.withdrawnThrough) continue
    const was = out.get(o.merchantId)
    if (!was || was < o.withdrawnThrough) out.set(o.merchantId, o.withdrawnThrough)
  }
  return out
}
