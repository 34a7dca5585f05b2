import type { DataTableProps } from './data-table'
import './data-table.scss'

// H5: a real <table> with a <caption> and scoped headers, in a scrolling region a keyboard can reach
// (a wide table scrolls sideways on a phone; tabIndex lets arrow keys scroll it).
export function DataTable({ id, caption, columns, rows }: DataTableProps) {
  return (
    <div className="data-table__scroll" id={id} role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table">
        <caption className="data-table__caption" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead>
          <tr className="data-table__row data-table__row--head">
            {columns.map((c) => (
              <th key={c} scope="col" className="data-table__cell">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.head} className="data-table__row">
              <th scope="row" className="data-table__cell data-table__cell--head">
                {r.head}
              </th>
              {r.cells.map((cell, i) => (
                <td key={i} className="data-table__cell">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
