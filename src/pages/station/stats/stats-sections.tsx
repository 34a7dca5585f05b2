import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import type { StatsView } from '../../../domain/metrics/stats-view.schema'
import { ChartFigure } from './chart-figure'
import { heatMap, horizontalBars, weeklyLine } from './chart-svg'
import { DataTable } from './data-table'
import { FIGURE_COLUMNS, WEEKDAYS, weekLabel } from './stats-labels'
import { TagBars, TagFilterNote } from './tag-section'

// The answer's parts, each a table or a chart with its table twin. Charts are drawn again only when the
// answer or the type size changes.
export function FiguresTable({ view }: { view: StatsView }) {
  const rows = [...view.periods.map((p) => ({ head: p.period, m: p.metrics })), { head: '合计', m: view.total }]
  // under a tag filter the repeat counts are not answered (tag-section.tsx): their columns are left out
  const columns = view.tag ? FIGURE_COLUMNS.filter(([label]) => !label.startsWith('重复')) : FIGURE_COLUMNS
  return (
    <View className="stats-card" id="stats-figures">
      <View className="stats-card__title" role="heading" aria-level={2}>
        主要指标
      </View>
      <DataTable
        id="stats-figures-table"
        caption={`各周期主要指标（${view.from} 至 ${view.to}${view.tag ? `，标签“${view.tag.name}”` : ''}）`}
        columns={['周期', ...columns.map(([label]) => label)]}
        rows={rows.map((r) => ({ head: r.head, cells: columns.map(([, read]) => read(r.m)) }))}
      />
      <TagFilterNote view={view} />
    </View>
  )
}

/** The width a chart is shown at: the window less the page's and the card's padding, within bounds. */
function chartWidth(): number {
  const windowWidth = Taro.getSystemInfoSync().windowWidth || 375
  return Math.round(Math.min(1000, Math.max(280, windowWidth - 64)))
}

export function ChartSections({ view, elderly }: { view: StatsView; elderly: boolean }) {
  const charts = useMemo(() => {
    const frame = { width: chartWidth(), elderly }
    return {
      weekly: weeklyLine(
        view.weekly.map((w) => ({ label: weekLabel(w.key), volume: w.volume })),
        frame,
      ),
      industry: horizontalBars(
        view.byIndustry.map((b) => ({ label: b.key, volume: b.volume })),
        frame,
      ),
      problem: horizontalBars(
        view.byProblemType.map((b) => ({ label: b.key, volume: b.volume })),
        frame,
      ),
      heat: view.heatMap ? heatMap(view.heatMap.cells, frame) : null,
    }
  }, [view, elderly])
  const counts = (items: readonly { key: string; volume: number }[]) => items.map((b) => ({ head: b.key, cells: [b.volume] }))
  if (view.tag) return <TagBars view={view} elderly={elderly} width={chartWidth()} />
  return (
    <View>
      <ChartFigure
        id="stats-weekly"
        title="每周收到的投诉举报"
        chart={charts.weekly}
        table={{ caption: '每周件数（周一至周日，按周一日期标注）', columns: ['周', '件数'], rows: counts(view.weekly) }}
      />
      <ChartFigure
        id="stats-industry"
        title="按行业"
        chart={charts.industry}
        table={{ caption: '各行业件数', columns: ['行业', '件数'], rows: counts(view.byIndustry) }}
      />
      <ChartFigure
        id="stats-problem"
        title="按问题类型"
        chart={charts.problem}
        table={{ caption: '各问题类型件数', columns: ['问题类型', '件数'], rows: counts(view.byProblemType) }}
      />
      <TagBars view={view} elderly={elderly} width={chartWidth()} />
      <MerchantRanking view={view} />
      {view.heatMap && charts.heat ? (
        <ChartFigure
          id="stats-heat"
          title="星期 × 时段"
          chart={charts.heat}
          table={{
            caption: `各星期、各小时收到的件数（${view.heatMap.months.from.slice(0, 7)} 至 ${view.heatMap.months.to.slice(0, 7)} 整月）`,
            columns: ['星期', ...Array.from({ length: 24 }, (_, h) => `${h}时`)],
            rows: WEEKDAYS.map((day, i) => ({
              head: day,
              cells: view.heatMap?.cells.filter((c) => c.weekday === i + 1).map((c) => c.volume) ?? [],
            })),
          }}
        />
      ) : (
        <View className="stats-card stats-card__note">按行业、问题类型、渠道或商户筛选时不显示星期 × 时段分布。</View>
      )}
    </View>
  )
}

function MerchantRanking({ view }: { view: StatsView }) {
  return (
    <View className="stats-card" id="stats-merchants">
      <View className="stats-card__title" role="heading" aria-level={2}>
        被投诉商户排行（各行业前10）
      </View>
      <View className="stats-card__note">★ 表示该商户连续三个月位列本行业被投诉前三。</View>
      {view.topMerchants.length === 0 ? <View className="stats-card__note">统计期内没有涉及商户的案件。</View> : null}
      {view.topMerchants.map((line, index) => (
        <DataTable
          key={line.industry}
          id={`stats-merchants-${index}`}
          caption={`${line.industry}：被投诉最多的商户`}
          columns={['商户', '件数', '连续三个月前三']}
          rows={line.merchants.map((m, i) => ({
            head: `${i + 1}. ${m.name}`,
            cells: [m.volume, m.threeMonthsTop3 ? '★ 是' : '否'],
          }))}
        />
      ))}
    </View>
  )
}
