import type { OpenTableWriter } from '../../ports/exports'
import { csvTableWriter } from './csv-table-writer'
import { xlsxTableWriter } from './xlsx-table-writer'

export const openTableWriter: OpenTableWriter = (format, sink) => (format === 'csv' ? csvTableWriter(sink) : xlsxTableWriter(sink))
