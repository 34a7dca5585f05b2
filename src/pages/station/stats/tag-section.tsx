import { View } from '@tarojs/components'
import { useMemo } from 'react'
import type { StatsView } from '../../../domain/metrics/stats-view.schema'
import { ChartFigure } from './chart-figure'
import { horizontalBars } from './chart-svg'

// 按标签 (docs/tags.md): the cases carrying each confirmed tag, as bars with their data-table twin. The tag
// cube is kept per month, so the bars cover the whole months around the range, and a case counts under each
// of its tags: the note says the bars do not add up to the total.
const month = (day: string) => day.slice(0, 7)

export function TagBars({ view, elderly, width }: { view: StatsView; elderly: boolean; width: number }) {
  const byTag = view.byTag
  const chart = useMemo(
    () =>
      byTag
        ? horizontalBars(
            byTag.bars.map((b) => ({ label: b.name, volume: b.volume })),
            { width, elderly },
          )
        : null,
    [byTag, width, elderly],
  )
  if (!byTag || !chart) return <View className="stats-card stats-card__note">按行业、问题类型、渠道或商户筛选时不显示按标签分布。</View>
  const months = `${month(byTag.months.from)} 至 ${month(byTag.months.to)} 整月`
  return (
    <View>
      <ChartFigure
        id="stats-tags"
        title="按标签"
        chart={chart}
        table={{
          caption: `各标签件数（${months}；一件案件有几个标签就计入几个标签，各标签件数之和不等于总件数）`,
          columns: ['标签', '件数'],
          rows: byTag.bars.map((b) => ({ head: b.name, cells: [b.volume] })),
        }}
      />
    </View>
  )
}

/** Under a tag filter the tag cube answers the figures only: what the page leaves out, and why. */
export function TagFilterNote({ view }: { view: StatsView }) {
  if (!view.tag) return null
  return (
    <View className="stats-card stats-card__note" role="note">
      {`以上为带“${view.tag.name}”标签的案件（按整月统计）。按标签筛选时不统计重复投诉人和重复被投诉商户，也不显示每周趋势、行业、问题类型、商户排行和星期 × 时段分布。`}
    </View>
  )
}
