import { ZodError } from 'zod'
import { baselineBurst, baselineBurstKey, baselineSpans, DEFAULT_BASELINE_RULE } from '../../../src/domain/similarity/baseline'
import {
  DEFAULT_BURST_RULE,
  merchantBurst,
  merchantBurstKey,
  productBurst,
  productBurstKey,
  type BurstFinding,
} from '../../../src/domain/similarity/burst'
import { burstRuleOf } from '../../../src/domain/similarity/burst-settings'
import type { ScoringCase } from '../../../src/domain/similarity/scoring-case'
import { normaliseProduct } from '../../../src/domain/similarity/similarity'
import type { Deps } from '../context'
import { raiseFinding } from './raise-burst'

// 突发消费事件, checked after each tick (docs/bursts-and-similar-cases.md), not on the shopper's filing:
// the receipt waits on nothing but the filing, and an alert comes within one tick. The pass takes the
// complaints filed since its watermark, oldest first, and checks each as the filing used to: per shop
// (K similar within the window), per product on its site (from more than one shop), and the shop's day
// against its own baseline (baseline.ts). Every read is bounded and scores without personal data
// (ports/case-scoring-store.ts); a shop's or a site's cases are read once per pass, however many of its
// complaints are new; so is each site's own K and window (burst-settings.ts, default 5 within 24 h).
// Exactly once per window: the rule never raises inside an alerted window, and the
// store keeps (key, window start) unique, so re-checking a case (the overlap below, two hosts) raises nothing.

export const MERCHANT_PAGE = 50
/**
 * The product rule reads a site's cases from one window before the pass's first new case there: every case
 * that can share a window with a new one, newest first, up to this many (a site filing more than that within
 * one window is already a burst by any measure). Was the site's latest 200, which a busy day could outrun.
 */
export const SITE_WINDOW_MAX = 2000
const PASS_PAGE = 200
/** New cases one pass checks at most; the rest waits for the next tick (the watermark stops at the last checked). */
export const PASS_MAX_CASES = 1000
/** The clock cloud function's share per minute: a few document reads each, well inside its 60 s. */
export const CLOUD_PASS_MAX_CASES = 150
/**
 * A filing's createdAt is taken before its write commits (a CloudBase filing may retry for seconds), so
 * a case can appear behind a watermark already set: each pass looks this far behind it again.
 */
export const PASS_OVERLAP_MS = 60_000
const HOUR = 3_600_000

export interface BurstPassReport {
  checked: number
  raised: number
  watermark: string
}

type Window = { windowStart: string; windowEnd: string }

/** Per key, the latest alert's window as stored (null: none), read once per pass and kept up to date as it raises. */
function latestWindows(deps: Deps) {
  const known = new Map<string, Window | null>()
  return {
    async of(key: string): Promise<Window | null> {
      if (!known.has(key)) {
        const alert = await deps.store.latestBurstAlert(key)
        known.set(key, alert ? { windowStart: alert.windowStart, windowEnd: alert.windowEnd } : null)
      }
      return known.get(key) ?? null
    },
    set: (key: string, window: Window) => known.set(key, window),
  }
}

/** Read once per pass: the shop's latest complaints, the site's latest cases and K and window, the counts of a shop's days before. */
function memo<T>(read: (key: string) => Promise<T>) {
  const held = new Map<string, Promise<T>>()
  return (key: string) => {
    const reading = held.get(key) ?? read(key)
    held.set(key, reading)
    return reading
  }
}

/** The cases filed after `since`, oldest first, at most `max`. */
async function filedAfter(deps: Deps, since: string, max: number): Promise<ScoringCase[]> {
  const fresh: ScoringCase[] = []
  for (;;) {
    const page = await deps.store.listScoringCasesFiledAfter(since, { limit: Math.min(PASS_PAGE, max), offset: fresh.length })
    fresh.push(...page)
    if (page.length < Math.min(PASS_PAGE, max) || fresh.length >= max) return fresh.slice(0, max)
  }
}

/**
 * `maxCases`: how many new cases this pass checks; the clock cloud function, which has a minute and
 * sequential document reads, takes fewer (CLOUD_PASS_MAX_CASES) so that a backlog is worked off over
 * several minutes instead of a pass that never ends and never moves its watermark.
 */
export async function checkBursts(deps: Deps, now: Date, maxCases = PASS_MAX_CASES): Promise<BurstPassReport> {
  const { store } = deps
  const mark = await store.burstWatermark()
  // the first pass looks back one default window: complaints filed before the upgrade still make a burst with new ones
  const from = (mark === null ? now.getTime() - DEFAULT_BURST_RULE.windowHours * HOUR : Date.parse(mark)) - PASS_OVERLAP_MS
  const fresh = await filedAfter(deps, new Date(from).toISOString(), maxCases)
  const shopCases = memo((merchantId) => store.listScoringComplaintsForMerchant(merchantId, MERCHANT_PAGE))
  const siteRule = memo(async (siteId) => burstRuleOf(await store.getBurstSettings(siteId))) // a site's K and window, once per pass
  const siteCases = memo(async (siteId) => {
    // `fresh` is oldest first: the site's first new case opens the earliest window the pass checks there
    const first = fresh.find((c) => c.siteId === siteId)?.createdAt ?? now.toISOString()
    const since = new Date(Date.parse(first) - (await siteRule(siteId)).windowHours * HOUR).toISOString()
    return store.listScoringCasesForSite(siteId, SITE_WINDOW_MAX, since)
  })
  const countBefore = memo((key) => {
    const [merchantId, at] = key.split('|')
    const { before } = baselineSpans(new Date(at), DEFAULT_BASELINE_RULE)
    return store.countComplaintsAgainst(merchantId, before.from, before.to)
  })
  const latest = latestWindows(deps)
  let raised = 0
  const raise = async (trigger: ScoringCase, finding: BurstFinding | null) => {
    if (!finding) return
    if (await raiseFinding(deps, trigger, finding)) raised++
    latest.set(finding.key, finding) // raised now, or by another pass: either way this window has its alert
  }
  const check = async (trigger: ScoringCase) => {
    const rule = await siteRule(trigger.siteId)
    const shop = await shopCases(trigger.merchantId)
    const byShop = merchantBurst(trigger, shop, rule, (await latest.of(merchantBurstKey(trigger.merchantId)))?.windowEnd ?? null)
    await raise(trigger, byShop)
    if (normaliseProduct(trigger.product) !== '') {
      const key = productBurstKey(trigger.siteId, trigger.product)
      await raise(trigger, productBurst(trigger, await siteCases(trigger.siteId), rule, (await latest.of(key))?.windowEnd ?? null))
    }
    const key = baselineBurstKey(trigger.merchantId)
    const { day } = baselineSpans(new Date(trigger.createdAt), DEFAULT_BASELINE_RULE)
    const today = await complaintsOfDayUpTo(deps, trigger, shop, day.from)
    if (today < DEFAULT_BASELINE_RULE.minCount) return // no jump however quiet the shop was: no count of the days before
    const before = await countBefore(`${trigger.merchantId}|${day.from}`)
    await raise(trigger, baselineBurst(trigger, shop, { today, before }, (await latest.of(key))?.windowStart ?? null))
  }

  for (const trigger of fresh.filter((c) => c.kind === 'complaint')) {
    // a document that no longer parses (a legacy case, a hand-edited setting) is logged and passed over: it
    // would fail every pass and hold the watermark, and every later alert, back for ever. Anything else (the
    // database away) fails the pass, which the next tick runs again from the same watermark.
    await check(trigger).catch((err: unknown) => {
      if (!(err instanceof ZodError)) throw err
      console.error(`checking ${trigger.caseNo} for bursts failed, passed over: ${err.message}`)
    })
  }

  const full = fresh.length >= maxCases
  const watermark = full ? fresh[fresh.length - 1].createdAt : now.toISOString()
  await store.setBurstWatermark(watermark)
  return { checked: fresh.length, raised, watermark }
}

/**
 * The shop's complaints of the trigger's Beijing day up to the trigger (itself included): from the shop's
 * page when the page reaches back past the day's start, else counted by the store.
 */
async function complaintsOfDayUpTo(deps: Deps, trigger: ScoringCase, shop: readonly ScoringCase[], dayFrom: string): Promise<number> {
  const covers = shop.length < MERCHANT_PAGE || shop.some((c) => c.createdAt < dayFrom)
  const end = Date.parse(trigger.createdAt)
  if (!covers) return deps.store.countComplaintsAgainst(trigger.merchantId, dayFrom, new Date(end + 1).toISOString())
  const inDay = (c: ScoringCase) => Date.parse(c.createdAt) >= Date.parse(dayFrom) && Date.parse(c.createdAt) <= end
  return new Set([trigger, ...shop].filter(inDay).map((c) => c.id)).size
}

/** The pass as the tick's hosts run it (host scheduler, clock cloud function): a failure is logged and the next tick tries again from the same watermark. */
export async function runBurstPass(deps: Deps, now: Date, maxCases = PASS_MAX_CASES): Promise<void> {
  await checkBursts(deps, now, maxCases).catch((err: unknown) => console.error(`checking for bursts failed: ${String(err)}`))
}
