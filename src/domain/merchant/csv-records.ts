/**
 * RFC 4180 records, written here rather than taken from a package: the subset spreadsheets produce
 * is ~50 lines, src/domain must stay dependency-light (it also ships inside the mini-program), and we
 * need the spreadsheet row of every record, which general parsers do not report.
 *
 * Accepted: a UTF-8 BOM, CRLF / LF / CR line ends, quoted fields holding commas, doubled quotes ("")
 * and line breaks, a trailing line break. Lenient where Excel never writes anything else: a quote in
 * the middle of an unquoted field, or text after a closing quote, is kept as text.
 */
export interface CsvRecord {
  /** 1-based row as a spreadsheet shows it: a record with line breaks inside quotes is still one row */
  row: number
  cells: string[]
}

export type CsvRecords = { ok: true; records: CsvRecord[] } | { ok: false; unclosedQuoteRow: number }

export function parseCsvRecords(text: string): CsvRecords {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let inQuotes = false
  let fieldStart = true // a quote opens a quoted field only as the field's first character
  let pending = false // something of the current record has been read

  const endField = () => {
    cells.push(cell)
    cell = ''
    fieldStart = true
  }
  const endRecord = () => {
    endField()
    records.push({ row: records.length + 1, cells })
    cells = []
    pending = false
  }

  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') inQuotes = false
      else if (ch === '\r' && text[i + 1] === '\n')
        continue // a CRLF inside a cell is kept as one LF
      else cell += ch
      continue
    }
    pending = true
    if (ch === '"' && fieldStart) {
      inQuotes = true
      fieldStart = false
    } else if (ch === ',') endField()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else {
      cell += ch
      fieldStart = false
    }
  }
  if (inQuotes) return { ok: false, unclosedQuoteRow: records.length + 1 }
  if (pending) endRecord() // the last line had no line break after it
  return { ok: true, records }
}
