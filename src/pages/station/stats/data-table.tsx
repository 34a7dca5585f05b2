import { View } from '@tarojs/components'
import './data-table.scss'

// A chart's data-table twin (and the figures table): the same numbers as text, for screen readers,
// 大字模式 and anyone who wants the exact value. WeChat has no <table>: ARIA table roles on views, which
// its screen reader reads as a table. The H5 build uses data-table.h5.tsx, a real <table>.
export interface DataTableProps {
  id: string
  caption: string
  /** the column headers; the first names the row headers' column */
  columns: readonly string[]
  rows: readonly { head: string; cells: readonly (string | number)[] }[]
}

export function DataTable({ id, caption, columns, rows }: DataTableProps) {
  return (
    <View className="data-table__scroll" id={id}>
      <View className="data-table" role="table" aria-labelledby={`${id}-caption`}>
        <View className="data-table__caption" id={`${id}-caption`}>
          {caption}
        </View>
        <View role="row" className="data-table__row data-table__row--head">
          {columns.map((c) => (
            <View key={c} role="columnheader" className="data-table__cell">
              {c}
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.head} role="row" className="data-table__row">
            <View role="rowheader" className="data-table__cell data-table__cell--head">
              {r.head}
            </View>
            {r.cells.map((cell, i) => (
              <View key={i} role="cell" className="data-table__cell">
                {cell}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
