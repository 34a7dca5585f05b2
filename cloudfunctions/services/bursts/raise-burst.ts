import type { Case, OutboxMessage } from '../../../src/domain/case.schema'
import { burstKey } from '../../../src/domain/notify/template-keys'
import {
  DEFAULT_BURST_RULE,
  merchantBurst,
  merchantBurstKey,
  productBurst,
  productBurstKey,
  type BurstFinding,
} from '../../../src/domain/similarity/burst'
import { normaliseProduct } from '../../../src/domain/similarity/similarity'
import type { Deps } from '../context'

// 突发消费事件, checked right after a complaint is filed (docs/bursts-and-similar-cases.md). The reads
// are bounded: the shop's latest MERCHANT_PAGE complaints and the site's latest SITE_PAGE cases, both
// newest first, so the window's cases are among them unless more than that many came in 24 h — which
// is a burst already. Never a scan of all cases.
export const MERCHANT_PAGE = 50
export const SITE_PAGE = 200

/** The alert goes to the site's station and to the regulator of the site, and from there wherever contacts copy escalations (WeCom). */
const AUDIENCE = ['station', 'regulator'] as const

async function raise(deps: Deps, trigger: Case, eventId: string, finding: BurstFinding): Promise<boolean> {
  const at = deps.clock.now().toISOString()
  const outbox: OutboxMessage[] = AUDIENCE.map((role) => ({
    id: deps.ids.newId(),
    caseId: trigger.id,
    eventId, // the trigger's filing: the row needs an event of its case; delivery-event.ts keys it apart
    recipient: { role, id: trigger.siteId },
    template: burstKey(role, 'alert'),
    createdAt: at,
  }))
  return deps.store.createBurstAlert(
    {
      id: deps.ids.newId(),
      siteId: trigger.siteId,
      key: finding.key,
      basis: finding.basis,
      subject: finding.basis === 'merchant' ? trigger.merchantName : trigger.product,
      windowStart: finding.windowStart,
      windowEnd: finding.windowEnd,
      caseIds: finding.caseIds,
      triggerCaseId: trigger.id,
      raisedAt: at,
      messaged: null,
      mediated: null,
    },
    outbox,
  )
}

/**
 * Raise the alerts this new case completes (per shop, and per product when it names one); how many
 * were raised. (key, window start) is unique in the store, so two filings at once raise one.
 */
export async function raiseBurstIfAny(deps: Deps, trigger: Case, eventId: string): Promise<number> {
  if (trigger.kind !== 'complaint') return 0
  const { store } = deps
  const rule = DEFAULT_BURST_RULE
  let raised = 0
  const shopCases = await store.listCasesForMerchant(trigger.merchantId, { limit: MERCHANT_PAGE, offset: 0 })
  const last = await store.latestBurstAlert(merchantBurstKey(trigger.merchantId))
  const byShop = merchantBurst(trigger, shopCases, rule, last?.windowStart ?? null)
  if (byShop && (await raise(deps, trigger, eventId, byShop))) raised++
  if (normaliseProduct(trigger.product) !== '') {
    const siteCases = await store.listCasesForSite(trigger.siteId, { limit: SITE_PAGE, offset: 0 })
    const lastOfProduct = await store.latestBurstAlert(productBurstKey(trigger.siteId, trigger.product))
    const byProduct = productBurst(trigger, siteCases, rule, lastOfProduct?.windowStart ?? null)
    if (byProduct && (await raise(deps, trigger, eventId, byProduct))) raised++
  }
  return raised
}
