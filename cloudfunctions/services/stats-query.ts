import { PROBLEM_TYPES } from '../../src/domain/classification'
import { ok, type Result } from '../../src/domain/errors'
import type { Caller } from '../../src/domain/identity'
import { INDUSTRY_LINES } from '../../src/domain/industry'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { CHART_SUMS } from '../../src/domain/metrics/cube-grain'
import type { CubeId, CubeRow } from '../../src/domain/metrics/cubes'
import type { Dimension } from '../../src/domain/metrics/dimensions'
import { countsBy, heatCellsOf, periodMetrics, weeklyOf } from '../../src/domain/metrics/stats-charts'
import { addMonths, monthStart, periodRangesOf, planOf, whereOf } from '../../src/domain/metrics/stats-plan'
import type { StatsQuery } from '../../src/domain/metrics/stats-query.schema'
import type { StatsView } from '../../src/domain/metrics/stats-view.schema'
import { rankingOf, STREAK_TOP, TOP_N } from '../../src/domain/metrics/top-merchants'
import type { CubeQuery, ShopCube, StatsStore } from '../ports/stats-store'
import { statsScope } from './stats-scope'
import { tagBars, tagFilteredParts } from './stats-query-tags'
import type { Tag } from '../../src/domain/tags/tag.schema'

// 统计 (issue 18): the figures of a range for the sites the caller may see, read from summed cube rows
// (src/domain/metrics/cubes.ts) — never from the case table. Which cube answers which part is planOf's
// choice (stats-plan.ts); the figures themselves are metricsFromRollups', the domain's one definition.
export interface StatsDeps {
  store: StatsStore & {
    getSite(id: string): Promise<Site | null>
    listSites(): Promise<Site[]>
    getMerchant(id: string): Promise<Merchant | null>
    listMerchantsOfSite(siteId: string): Promise<Merchant[]>
    /** the tags' names for 按标签 (stats-query-tags.ts) */
    listTags(): Promise<Tag[]>
  }
}

export interface StatsContext {
  caller: Caller
  deps: StatsDeps
}

const UNKNOWN_SHOP = '（商户已不在名录中）'

export async function queryStats(ctx: StatsContext, q: StatsQuery): Promise<Result<StatsView>> {
  const scope = await statsScope(ctx.caller, ctx.deps.store, q.siteId)
  if (!scope.ok) return scope
  const { store } = ctx.deps
  const { sites } = scope.data
  const heading = { siteId: scope.data.site?.id ?? null, siteName: scope.data.site?.name ?? null, sites: scope.data.choices }
  if (q.tag) {
    // a tag filter: the figures of the cases carrying it, from the tag cube only (stats-query-tags.ts)
    const [parts, watermark] = await Promise.all([tagFilteredParts(ctx.deps, { ...q, tag: q.tag }, sites), store.statsWatermark()])
    if (!parts.ok) return parts
    return ok({ ...heading, unit: q.unit, from: q.from, to: q.to, watermark, ...parts.data })
  }
  const byTag = store.listTags().then((tags) => tagBars(ctx.deps, q, sites, tags))
  // started beside the parts below and awaited after them: until then a rejection (the database away) must
  // not count as unhandled — Node ends the process on one — nor be lost if another part fails first
  byTag.catch(() => undefined)
  const plan = planOf(q)
  // each chart's grain and counters (CHART_SUMS): summed in the store, a station's reads stop growing with its cases
  const sum = (cube: CubeId, by: readonly Dimension[], from = q.from, reads: Pick<CubeQuery, 'grain' | 'counters'> = {}) =>
    store.sumCube({ cube, from, to: q.to, sites, where: whereOf(q), by, ...reads })
  const inRange = (rows: CubeRow[]) => rows.filter((r) => r.day >= q.from && r.day <= q.to)
  const fine = plan.periods === 'day'

  // The full daily cube, only when some part needs it (a fine filter, or a range that is not whole months).
  const needsDay = [plan.industryBars, plan.problemBars].includes('day')
  // The ranking and the repeats are worked out in the store: their answers are a few rows per line, month
  // or period, however many shops and complainants there are (docs/statistics-scale.md).
  const shopCube = (cube: CubeId): ShopCube => (cube === 'day' ? 'day' : 'month_merchant')
  const shopWhere = (cube: CubeId) => (cube === 'day' ? whereOf(q) : whereOf(q, ['kind', 'industry', 'merchant']))
  const periods = periodRangesOf(q)
  const [dayRows, siteRows, range, monthTops, shopRepeats, filerRepeats, industryRows, problemRows, slotRows, watermark] =
    await Promise.all([
      needsDay || fine ? sum('day', ['industry', 'problemType', 'merchant']) : Promise.resolve([]),
      fine ? Promise.resolve([]) : sum('day_site', [], q.from, CHART_SUMS.trend(q.unit)),
      store.rankShops({ cube: shopCube(plan.merchants), from: q.from, to: q.to, sites, where: shopWhere(plan.merchants), top: TOP_N }),
      // two months before the range too: the three-month mark of the range's first month looks back
      store.monthTopShops({
        from: addMonths(q.from, -2),
        to: q.to,
        sites,
        where: whereOf(q, ['kind', 'industry', 'merchant']),
        top: STREAK_TOP,
      }),
      store.countRepeats({ of: { shops: shopCube(plan.repeatShops) }, periods, sites, where: shopWhere(plan.repeatShops) }),
      store.countRepeats({ of: 'complainants', periods, sites, where: whereOf(q) }),
      plan.industryBars === 'month_industry'
        ? sum('month_industry', ['industry'], monthStart(q.from), CHART_SUMS.bars)
        : Promise.resolve([]),
      plan.problemBars === 'month_problem'
        ? sum('month_problem', ['problemType'], monthStart(q.from), CHART_SUMS.bars)
        : Promise.resolve([]),
      plan.heat ? sum(plan.heat, [], monthStart(q.from), CHART_SUMS.heat) : Promise.resolve([]),
      store.statsWatermark(),
    ])
  const pick = (cube: CubeId, monthRows: CubeRow[]) => (cube === 'day' ? dayRows : inRange(monthRows))

  const { periods: figures, total } = periodMetrics(q, fine ? dayRows : siteRows, { merchants: shopRepeats, complainants: filerRepeats })
  const ranking = rankingOf(range, monthTops, q.from, q.to)
  const names = await merchantNames(
    ctx.deps,
    sites,
    ranking.flatMap((r) => r.merchants.map((m) => m.merchantId)),
  )
  return ok({
    siteId: scope.data.site?.id ?? null,
    siteName: scope.data.site?.name ?? null,
    sites: scope.data.choices,
    unit: q.unit,
    from: q.from,
    to: q.to,
    watermark,
    periods: figures,
    total,
    weekly: weeklyOf(fine ? dayRows : siteRows, q.from, q.to),
    byIndustry: countsBy(pick(plan.industryBars, industryRows), 'industry', INDUSTRY_LINES),
    byProblemType: countsBy(pick(plan.problemBars, problemRows), 'problemType', PROBLEM_TYPES),
    topMerchants: ranking.map((r) => ({
      industry: r.industry,
      merchants: r.merchants.map((m) => ({ ...m, name: names.get(m.merchantId) ?? UNKNOWN_SHOP })),
    })),
    heatMap: plan.heat ? { months: { from: monthStart(q.from), to: monthStart(q.to) }, cells: heatCellsOf(slotRows) } : null,
    byTag: await byTag,
    tag: null,
    sources: plan,
  })
}

/** Shop names from the directory (never from a case): the one site's list, or shop by shop. */
async function merchantNames(deps: StatsDeps, sites: readonly string[] | null, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)]
  const names = new Map<string, string>()
  if (wanted.length === 0) return names
  if (sites?.length === 1) for (const m of await deps.store.listMerchantsOfSite(sites[0])) names.set(m.id, m.name)
  const missing = wanted.filter((id) => !names.has(id))
  const found = await Promise.all(missing.map((id) => deps.store.getMerchant(id)))
  for (const m of found) if (m) names.set(m.id, m.name)
  return names
}
