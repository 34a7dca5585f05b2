import { Image, View } from '@tarojs/components'
import type { ChartImage } from './chart-svg'
import { DataTable, type DataTableProps } from './data-table'

// One chart and its data-table twin. The picture is for the eye only (aria-hidden): everything it shows is
// in the table right under it, which screen readers, 大字模式 and anyone wanting the exact number read.
interface Props {
  id: string
  title: string
  /** the chart drawn by chart-svg.ts */
  chart: ChartImage
  table: Omit<DataTableProps, 'id'>
}

export function ChartFigure({ id, title, chart, table }: Props) {
  return (
    <View className="stats-card" id={id}>
      <View className="stats-card__title" role="heading" aria-level={2}>
        {title}
      </View>
      <View className="stats-chart" aria-hidden>
        {/* the height it was drawn at, scaled to fit: widthFix does not size an SVG in Taro's H5 image (it kept 240px) */}
        <Image className="stats-chart__image" src={chart.src} mode="aspectFit" style={{ height: `${chart.height}px` }} />
      </View>
      <View className="stats-card__note">图中数据见下表。</View>
      <DataTable id={`${id}-table`} {...table} />
    </View>
  )
}
