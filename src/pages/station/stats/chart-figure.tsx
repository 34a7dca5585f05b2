import { Image, View } from '@tarojs/components'
import { DataTable, type DataTableProps } from './data-table'

// One chart and its data-table twin. The picture is for the eye only (aria-hidden): everything it shows is
// in the table right under it, which screen readers, 大字模式 and anyone wanting the exact number read.
interface Props {
  id: string
  title: string
  /** the chart as a data URL (chart-svg.ts) */
  src: string
  table: Omit<DataTableProps, 'id'>
}

export function ChartFigure({ id, title, src, table }: Props) {
  return (
    <View className="stats-card" id={id}>
      <View className="stats-card__title" role="heading" aria-level={2}>
        {title}
      </View>
      <View className="stats-chart" aria-hidden>
        <Image className="stats-chart__image" src={src} mode="widthFix" />
      </View>
      <View className="stats-card__note">图中数据见下表。</View>
      <DataTable id={`${id}-table`} {...table} />
    </View>
  )
}
