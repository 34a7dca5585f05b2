import { Writable } from 'node:stream'
import type { Cell } from '../../../src/domain/exports/case-columns'
import type { ByteSink, TableWriter } from '../../ports/exports'

// XLSX through exceljs's streaming WorkbookWriter: each row is committed as it comes, so the sheet's
// XML goes into the zip (and out to the sink) while later pages are still being read; only the zip's
// compression window is held. No shared strings (they would keep every text until the end) and no
// styles beyond a bold header. exceljs is loaded on the first export, not when the host starts.

type ExcelJs = typeof import('exceljs')
let loading: Promise<ExcelJs> | undefined
const excel = () => (loading ??= import('exceljs').then((m) => ('default' in m ? (m.default as ExcelJs) : m)))

/** A Node stream whose writes wait for the sink, so the zip never runs ahead of the network. */
function writableOf(sink: ByteSink): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.write(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)).then(() => done(), done)
    },
  })
}

// a sheet name may not hold : \ / ? * [ ] and is at most 31 characters
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || '表'

export function xlsxTableWriter(sink: ByteSink): TableWriter {
  const stream = writableOf(sink)
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve)
    stream.on('error', reject)
  })
  let workbook: InstanceType<ExcelJs['stream']['xlsx']['WorkbookWriter']> | undefined
  let sheet: ReturnType<NonNullable<typeof workbook>['addWorksheet']> | undefined
  const book = async () =>
    (workbook ??= new (await excel()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false }))

  return {
    async sheet(name, columns) {
      sheet?.commit()
      sheet = (await book()).addWorksheet(sheetName(name))
      sheet.columns = columns.map((header) => ({ header, width: Math.max(10, header.length * 2 + 2) }))
      sheet.getRow(1).font = { bold: true }
      sheet.getRow(1).commit()
    },
    async rows(rows) {
      if (!sheet) throw new Error('rows before a sheet')
      for (const cells of rows) sheet.addRow(cells.map((c: Cell) => c ?? '')).commit()
    },
    async end() {
      const wb = await book()
      sheet?.commit()
      await wb.commit()
      await finished
    },
  }
}
