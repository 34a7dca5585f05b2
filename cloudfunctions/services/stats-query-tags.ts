import { fail, ok, type Result } from '../../src/domain/errors'
import type { CubeRow } from '../../src/domain/metrics/cubes'
import { periodMetrics } from '../../src/domain/metrics/stats-charts'
import { hasFineFilter, monthStart, planOf, whereOf } from '../../src/domain/metrics/stats-plan'
import type { StatsQuery } from '../../src/domain/metrics/stats-query.schema'
import type { StatsView } from '../../src/domain/metrics/stats-view.schema'
import type { Tag } from '../../src/domain/tags/tag.schema'
import type { StatsStore } from '../ports/stats-store'

// 按标签 on the statistics page (docs/tags.md "As a statistics dimension"), read from the tag cube month_tag
// (cubes.ts): one row per month, site, kind and confirmed tag. A case counts once under each of its tags, so
// the bars do not sum to the total, and a case without a tag is in no bar. The cube keeps month, site and
// kind only: the bars cover the whole months around the range (as the heat map does), and a tag filter is
// exact for whole months split by month, quarter or the whole range (the query schema refuses the rest).

export interface TagStatsDeps {
  store: Pick<StatsStore, 'sumCube'> & { listTags(): Promise<Tag[]> }
}

type Sites = readonly string[] | null

const volumesByTag = (rows: readonly CubeRow[]) => {
  const volumes = new Map<string, number>()
  for (const r of rows) if (r.tag) volumes.set(r.tag, (volumes.get(r.tag) ?? 0) + r.volume)
  return volumes
}

/** The bars: every active tag in the tags' order (0 included), then a disabled tag only while cases in range carry it. */
export function tagBarsOf(rows: readonly CubeRow[], tags: readonly Tag[]): { id: string; name: string; volume: number }[] {
  const volumes = volumesByTag(rows)
  const known = tags
    .filter((t) => t.active || (volumes.get(t.id) ?? 0) > 0)
    .map((t) => ({ id: t.id, name: t.name, volume: volumes.get(t.id) ?? 0 }))
  const unknown = [...volumes.entries()].filter(([id]) => !tags.some((t) => t.id === id)).map(([id, volume]) => ({ id, name: id, volume }))
  return [...known, ...unknown]
}

/** The tag bars of the standard (or kind-filtered) page; null under a filter the tag cube does not keep. */
export async function tagBars(deps: TagStatsDeps, q: StatsQuery, sites: Sites, tags: readonly Tag[]): Promise<StatsView['byTag']> {
  if (hasFineFilter(q)) return null
  const from = monthStart(q.from)
  const rows = await deps.store.sumCube({ cube: 'month_tag', from, to: q.to, sites, where: whereOf(q, ['kind']), by: [] })
  return { months: { from, to: monthStart(q.to) }, bars: tagBarsOf(rows, tags) }
}

const NO_REPEATS = { merchants: [], complainants: [] }

/**
 * The figures of the cases carrying `q.tag`, per period and in total, from month_tag: every counter of the
 * figures is there, repeat shops and complainants are not (the cube keeps no shop and there are no filer rows
 * per tag: they read 0/0 and the page leaves those columns out). The other parts of the page are empty.
 */
export async function tagFilteredParts(
  deps: TagStatsDeps,
  q: StatsQuery & { tag: string },
  sites: Sites,
): Promise<
  Result<
    Pick<
      StatsView,
      'periods' | 'total' | 'weekly' | 'byIndustry' | 'byProblemType' | 'topMerchants' | 'heatMap' | 'byTag' | 'tag' | 'sources'
    >
  >
> {
  const tags = await deps.store.listTags()
  const tag = tags.find((t) => t.id === q.tag)
  if (!tag) return fail('VALIDATION_FAILED', { tag: '没有这个标签，请重新选择' })
  const where = whereOf(q, ['kind'])
  const [rows, byTag] = await Promise.all([
    deps.store.sumCube({ cube: 'month_tag', from: q.from, to: q.to, sites, where, by: [], tag: tag.id }),
    tagBars(deps, q, sites, tags),
  ])
  const { periods, total } = periodMetrics(q, rows, NO_REPEATS)
  return ok({
    periods,
    total,
    weekly: [],
    byIndustry: [],
    byProblemType: [],
    topMerchants: [],
    heatMap: null,
    byTag,
    tag: { id: tag.id, name: tag.name },
    sources: { ...planOf(q), periods: 'month_tag', heat: null },
  })
}
