import { CUBES, type CubeId } from './cubes'
import type { Dimension } from './dimensions'

// The regulator's twins of the statistics page's cubes (docs/statistics-scale.md). A caller who may see every
// site (sites null) summed a per-site cube over every site: its reads grow with sites × (days, lines, problem
// types, slots or shops) until every site has cases in every cell, so the regulator's page was slower at 1M
// cases than at 10k. A twin keeps the same counts without the site (and, for the shops, without the kind):
// a quarter is 91 × kinds trend rows, 3 × kinds × lines bar rows, 3 × kinds × 168 slot rows, one row per
// shop and month, whatever the number of sites and cases, and they fill up at a few cases a day. The store
// reads the twin whenever it answers the same question: every site, and no filter or grouping on a
// dimension the twin dropped (a kind filter on the shops goes to month_merchant, as before).
export const SITE_LESS: Partial<Record<CubeId, CubeId>> = {
  day_site: 'all_day',
  month_industry: 'all_month_industry',
  month_problem: 'all_month_problem',
  month_slot: 'all_month_slot',
  month_merchant: 'all_month_merchant',
}

/** What a statistics read asks of a cube: the sites it may see, its filters and its grouping. */
export interface CubeAsk {
  sites: readonly string[] | null
  where?: Partial<Record<Dimension, string>>
  by?: readonly Dimension[]
}

/**
 * The cube that answers `cube`'s question most cheaply: its site-less twin for every site, else itself.
 * `twinsReady`: the store's twins hold every counted case. After an upgrade they fill only as the re-marked
 * cases are refreshed, while the per-site cubes stay exact; until then the per-site cube answers.
 */
export function cubeToRead<C extends CubeId>(cube: C, ask: CubeAsk, twinsReady: boolean): C | CubeId {
  const twin = SITE_LESS[cube]
  if (!twin || ask.sites !== null || !twinsReady) return cube
  const keeps: readonly Dimension[] = CUBES[twin].keep
  const used = [...(ask.by ?? []), ...Object.entries(ask.where ?? {}).flatMap(([d, v]) => (v === undefined ? [] : [d]))]
  return used.every((d) => keeps.some((k) => k === d)) ? twin : cube
}
