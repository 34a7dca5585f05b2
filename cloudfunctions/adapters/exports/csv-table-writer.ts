import type { Cell } from '../../../src/domain/exports/case-columns'
import type { ByteSink, TableWriter } from '../../ports/exports'

// CSV as Excel opens it in China: UTF-8 with a byte-order mark (without it Excel reads GBK and the
// Chinese turns to mojibake), CRLF line ends, RFC 4180 quoting. Each call of rows() goes to the sink
// at once, so the file leaves page by page. A text cell that starts like a formula (= + - @, tab, CR)
// gets a leading apostrophe: a merchant's name must never run as a formula on a station's computer.

const BOM = new Uint8Array([0xef, 0xbb, 0xbf])
const FORMULA_START = /^[=+\-@\t\r]/
const encoder = new TextEncoder()

export function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const line = (cells: readonly Cell[]) => `${cells.map(csvCell).join(',')}\r\n`

export function csvTableWriter(sink: ByteSink): TableWriter {
  let started = false
  return {
    async sheet(_name, columns) {
      if (started) throw new Error('CSV holds one sheet only')
      started = true
      await sink.write(BOM)
      await sink.write(encoder.encode(line(columns)))
    },
    async rows(rows) {
      if (rows.length) await sink.write(encoder.encode(rows.map(line).join('')))
    },
    async end() {},
  }
}
