import type { Case } from '../case.schema'
import type { BURST_BASES } from './burst-alert.schema'
import { isSimilar, normaliseProduct } from './similarity'

export type BurstBasis = (typeof BURST_BASES)[number]

// 突发消费事件 (docs/bursts-and-similar-cases.md): K similar complaints against one shop, or about one
// product on one site, within a window raise an alert — once per window. The window of an alert
// starts at the earliest case of its group; cases filed inside an alerted window belong to it, so a
// new alert for the same key needs k cases filed after that window ended — a sixth case or a second
// check never raises it again. The store keeps (key, window start) unique for two checks at once.

export interface BurstRule {
  /** how many similar complaints make a burst */
  k: number
  windowHours: number
}
export const DEFAULT_BURST_RULE: BurstRule = { k: 5, windowHours: 24 }

export type BurstCase = Pick<Case, 'id' | 'siteId' | 'kind' | 'merchantId' | 'problemType' | 'description' | 'product' | 'createdAt'>

export interface BurstFinding {
  /** `merchant:<id>` or `product:<siteId>:<product>` */
  key: string
  basis: BurstBasis
  windowStart: string
  windowEnd: string
  /** the group, oldest first */
  caseIds: string[]
}

const HOUR = 3_600_000

export const merchantBurstKey = (merchantId: string) => `merchant:${merchantId}`
export const productBurstKey = (siteId: string, product: string) => `product:${siteId}:${normaliseProduct(product)}`

/**
 * The group around `trigger` (a case just filed): the cases of `candidates` (and the trigger) filed
 * in the window ending at the trigger, chosen by `belongs`; a finding when there are at least k and
 * the group starts after the last alert's window for this key ended (`alertedUntil`: that alert's stored
 * window end, null if none). The stored end, not one worked out from today's window: a site that changes
 * its window must neither reopen an alerted window nor stretch an old one.
 */
function groupFinding(
  trigger: BurstCase,
  candidates: readonly BurstCase[],
  rule: BurstRule,
  key: string,
  basis: BurstFinding['basis'],
  belongs: (c: BurstCase) => boolean,
  alertedUntil: string | null,
): BurstFinding | null {
  const end = Date.parse(trigger.createdAt)
  const from = end - rule.windowHours * HOUR
  // cases inside the last alerted window belong to that alert: they never start another one
  const until = alertedUntil === null ? -Infinity : Date.parse(alertedUntil)
  if (end < until) return null
  const byId = new Map<string, BurstCase>([[trigger.id, trigger]])
  for (const c of candidates) {
    const at = Date.parse(c.createdAt)
    if (c.kind === 'complaint' && at > from && at <= end && at >= until && belongs(c)) byId.set(c.id, c)
  }
  const group = [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id))
  if (group.length < rule.k) return null
  const start = Date.parse(group[0].createdAt)
  return {
    key,
    basis,
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + rule.windowHours * HOUR).toISOString(),
    caseIds: group.map((c) => c.id),
  }
}

/** Similar complaints against the trigger's shop (same shop, so: same problem type or similar text). */
export function merchantBurst(
  trigger: BurstCase,
  merchantCases: readonly BurstCase[],
  rule: BurstRule,
  alertedUntil: string | null,
): BurstFinding | null {
  if (trigger.kind !== 'complaint') return null
  const belongs = (c: BurstCase) => c.merchantId === trigger.merchantId && isSimilar(trigger, c)
  return groupFinding(trigger, merchantCases, rule, merchantBurstKey(trigger.merchantId), 'merchant', belongs, alertedUntil)
}

/** Complaints naming the same product on the trigger's site, from more than one shop; null without a product. */
export function productBurst(
  trigger: BurstCase,
  siteCases: readonly BurstCase[],
  rule: BurstRule,
  alertedUntil: string | null,
): BurstFinding | null {
  const product = normaliseProduct(trigger.product)
  if (trigger.kind !== 'complaint' || product === '') return null
  const belongs = (c: BurstCase) => c.siteId === trigger.siteId && normaliseProduct(c.product) === product
  const found = groupFinding(trigger, siteCases, rule, productBurstKey(trigger.siteId, trigger.product), 'product', belongs, alertedUntil)
  // a product's burst spans shops (a bad batch sold in several); one shop's own is that shop's alert
  const shops = new Set([trigger, ...siteCases].filter((c) => found?.caseIds.includes(c.id)).map((c) => c.merchantId))
  return found && shops.size > 1 ? found : null
}
