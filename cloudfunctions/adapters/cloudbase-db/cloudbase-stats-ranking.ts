import { z } from 'zod'
import { cubeToRead } from '../../../src/domain/metrics/site-less-cubes'
import type { CubeQuery, StatsStore } from '../../ports/stats-store'
import { COLLECTIONS } from './collection-names'
import { ok, type DocDb } from './doc-db'

// The statistics' ranking and repeat counts on the document database (ports/stats-store.ts; the SQL
// versions are in sql-stats-store.ts, the definitions in src/domain/metrics/shop-ranking.ts). Limited
// aggregations: every answer is at most `top` groups (or one per period), so the reads stay flat however
// many shops and filers there are; the price is requests (docs/statistics-scale.md). For every site (the
// regulator) the shops are read from all_month_merchant, summed over sites and kinds (site-less-cubes.ts).

/** Groups per aggregation page when the number of groups is not bounded by `top` (lines, line × month cells). */
const GROUP_PAGE = 1000
const ShopGroupSchema = z.object({ _id: z.string(), volume: z.number() })
const LineGroupSchema = z.object({ _id: z.string(), volume: z.number() })
const CellGroupSchema = z.object({ _id: z.object({ industry: z.string(), day: z.string() }) })
const RepeatGroupSchema = z.object({ keys: z.number(), cases: z.number() })
const shopOf = (g: unknown) => {
  const s = ShopGroupSchema.parse(g)
  return { merchant: s._id, volume: s.volume }
}
/** At most this many aggregations at once: a quarter's ranking is a few dozen small ones. */
const AT_ONCE = 6

async function inTurns<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let at = 0; at < items.length; at += AT_ONCE) out.push(...(await Promise.all(items.slice(at, at + AT_ONCE).map(work))))
  return out
}

type Match = (q: Omit<CubeQuery, 'cube' | 'by'>) => Record<string, unknown>
/** Whether the site-less twins may answer this caller (stats-site-less-ready.ts). */
type TwinsReady = (ask: { sites: readonly string[] | null }) => Promise<boolean>

export function cloudbaseStatsRanking(
  db: DocDb,
  matchOf: Match,
  twinsReady: TwinsReady,
): Pick<StatsStore, 'rankShops' | 'monthTopShops' | 'countRepeats'> {
  const _ = db.command
  /** One aggregation's groups, at most `limit` of them (CloudBase answers few unless asked for a size). */
  type Aggregate = ReturnType<ReturnType<DocDb['collection']>['aggregate']>
  const groups = async (collection: string, limit: number, stages: (a: Aggregate) => Aggregate): Promise<unknown[]> => {
    const res = ok(await stages(db.collection(collection).aggregate()).limit(limit).end()) as { data?: unknown[] }
    return res.data ?? []
  }
  /** Rows of a shop: the query's own shop when it is filtered to one, else any shop (a case without one has ''). */
  const shopOnly = (q: Omit<CubeQuery, 'cube' | 'by'>) => q.where?.merchant ?? _.neq('')
  /** A line's (and month's) top shops: summed by shop, most cases first, equal counts by id, `top` of them. */
  const topShops = async (match: Record<string, unknown>, top: number) =>
    (
      await groups(COLLECTIONS.statsCube, top, (a) =>
        a
          .match(match)
          .group({ _id: '$merchant', volume: { $sum: '$volume' } })
          .match({ volume: _.gt(0) })
          .sort({ volume: -1, _id: 1 }),
      )
    ).map(shopOf)

  return {
    // The ranking as a few limited aggregations (docs/statistics-scale.md): one for the lines' totals,
    // then per line its top shops ($group by shop, $sort, $limit). Every answer is at most `top` groups,
    // so the reads stay flat however many shops a line has; the requests grow with lines (and months).
    async rankShops(q) {
      if (q.sites !== null && q.sites.length === 0) return { lines: [], shops: [] }
      const match = { cube: cubeToRead(q.cube, q, await twinsReady(q)), ...matchOf(q), merchant: shopOnly(q) }
      const lines = (
        await groups(COLLECTIONS.statsCube, GROUP_PAGE, (a) =>
          a
            .match(match)
            .group({ _id: { industry: '$industry', merchant: '$merchant' }, volume: { $sum: '$volume' } })
            .match({ volume: _.gt(0) })
            .group({ _id: '$_id.industry', volume: { $sum: '$volume' } })
            .sort({ _id: 1 }),
        )
      ).map((g) => LineGroupSchema.parse(g))
      const tops = await inTurns(lines, (l) => topShops({ ...match, industry: l._id }, q.top))
      return {
        lines: lines.map((l) => ({ industry: l._id, volume: l.volume })),
        shops: tops.flatMap((page, i) => page.map((t) => ({ industry: lines[i]._id, ...t }))),
      }
    },

    async monthTopShops(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const match = { cube: cubeToRead('month_merchant', q, await twinsReady(q)), ...matchOf(q), merchant: shopOnly(q) }
      const cells = (
        await groups(COLLECTIONS.statsCube, GROUP_PAGE, (a) =>
          a
            .match(match)
            .group({ _id: { industry: '$industry', day: '$day' } })
            .sort({ _id: 1 }),
        )
      ).map((g) => CellGroupSchema.parse(g)._id)
      const tops = await inTurns(cells, (c) => topShops({ ...match, industry: c.industry, day: c.day }, q.top))
      return tops.flatMap((page, i) => page.map((t) => ({ industry: cells[i].industry, month: cells[i].day, ...t })))
    },

    // One aggregation per period: keys summed, those with 2 or more counted — one group back each.
    async countRepeats(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const [collection, key, n, extra]: [string, string, string, Record<string, unknown>] =
        q.of === 'complainants'
          ? [COLLECTIONS.statsFilers, '$filerKey', '$cases', {}]
          : [COLLECTIONS.statsCube, '$merchant', '$volume', { cube: cubeToRead(q.of.shops, q, await twinsReady(q)) }]
      const counted = await inTurns(q.periods, async (p) => {
        const data = await groups(collection, 1, (a) =>
          a
            .match({ ...extra, ...matchOf({ ...q, from: p.from, to: p.to }), [n.slice(1)]: _.gt(0) })
            .group({ _id: key, n: { $sum: n } })
            .match({ n: _.gte(2) })
            .group({ _id: null, keys: { $sum: 1 }, cases: { $sum: '$n' } }),
        )
        const found = data.map((g) => RepeatGroupSchema.parse(g))[0]
        return found ? [{ period: p.period, keys: found.keys, cases: found.cases }] : []
      })
      return counted.flat()
    },
  }
}
