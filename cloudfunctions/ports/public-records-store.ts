import type { MerchantCaseCounts } from '../../src/domain/merchant/merchant-record'
import type { Objection, ObjectionDecision } from '../../src/domain/public-records/objection'
import type { PublicSettings, ShopMonth } from '../../src/domain/public-records/publication'

/** One shop's counters as the pass read them, to be rolled into the month's published figures. */
export interface FiguresRoll {
  siteId: string
  merchantId: string
  /** "YYYY-MM" (Shanghai) of the pass */
  month: string
  counts: MerchantCaseCounts
  at: string
}

// 投诉信息公示 (docs/public-records.md): a site's threshold, the per-(site, shop, month) figures made
// from the shops' counters, and the shops' objections. Nothing here holds a complainant or a text of
// a case; the objection's reason is the shop's own words and is never published.
export interface PublicRecordsStore {
  getPublicSettings(siteId: string): Promise<PublicSettings | null>
  savePublicSettings(settings: PublicSettings): Promise<void>
  /** the figures of a site's shops for the months from…through ("YYYY-MM", inclusive) */
  listPublicFigures(siteId: string, from: string, through: string): Promise<ShopMonth[]>
  /**
   * Atomically: read the shop's mark (the counters last rolled), add counters − mark to the month's
   * row (figures/public-figures.ts, figuresDelta) and move the mark to the counters. Two passes at
   * once never add the same difference twice. Answers whether anything moved.
   */
  rollPublicFigures(roll: FiguresRoll): Promise<boolean>
  /** false when the shop already has an objection waiting (one at a time) */
  createObjection(objection: Objection): Promise<boolean>
  getObjection(id: string): Promise<Objection | null>
  /** a site's objections, newest first (at most 500) */
  listObjectionsOfSite(siteId: string): Promise<Objection[]>
  /** a shop's objections, newest first (at most 100) */
  listObjectionsOfMerchant(merchantId: string): Promise<Objection[]>
  /** records the decision on an objection still waiting; null when it is not waiting (any more) */
  decideObjection(id: string, decision: ObjectionDecision): Promise<Objection | null>
}
