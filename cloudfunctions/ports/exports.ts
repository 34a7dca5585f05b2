import type { Cell } from '../../src/domain/exports/case-columns'
import type { ReportDocument } from '../../src/domain/reports/report-document'

// Exports and printed reports leave the server as bytes written to a sink as they are made: the host's
// HTTP response (chunked), or a buffer the cloud function then puts into storage. The services feed a
// writer page by page, so no export is ever held whole in memory by them (docs/exports-and-reports.md).

/** Where bytes go; write resolves once the sink can take more (backpressure). */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>
}

export const TABLE_FORMATS = ['csv', 'xlsx'] as const
export type TableFormat = (typeof TABLE_FORMATS)[number]

/** A spreadsheet written as it goes: CSV (one sheet) or XLSX (exceljs's streaming writer). */
export interface TableWriter {
  /** start a sheet with its header row (CSV takes one sheet only) */
  sheet(name: string, columns: readonly string[]): Promise<void>
  rows(rows: readonly (readonly Cell[])[]): Promise<void>
  /** finish the file; nothing may be written after */
  end(): Promise<void>
}

export type OpenTableWriter = (format: TableFormat, sink: ByteSink) => TableWriter

/** Renders a report document (title, headings, paragraphs, tables) as a PDF into the sink. */
export type RenderPdf = (document: ReportDocument, sink: ByteSink) => Promise<void>
