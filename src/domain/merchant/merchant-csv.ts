import { INDUSTRY_LINES } from '../industry'
import { toFieldErrors } from '../validation'
import { parseCsvRecords } from './csv-records'
import { isScientificNotation, mapHeader, MERCHANT_CSV_COLUMNS, parseSigned, type MerchantCsvField } from './merchant-csv-columns'
import { MerchantInputSchema, type MerchantInput, type MerchantInputDraft } from './merchant-input.schema'
import { isValidUscc, normalizeUscc } from './uscc'

export interface MerchantCsvGoodRow {
  row: number
  input: MerchantInput
}
export interface MerchantCsvBadRow {
  row: number
  /** "第3行：统一社会信用代码校验位不正确" — each names its row and column, so they read alone in a list */
  reasons: string[]
}
/**
 * Good rows are kept even when others are bad: the station imports what it can and fixes the rest.
 * A fileError (not UTF-8, no usable header, an unclosed quote) means nothing was read; good and bad are empty.
 */
export interface MerchantCsvResult {
  good: MerchantCsvGoodRow[]
  bad: MerchantCsvBadRow[]
  fileError?: string
}

// GBK bytes read as UTF-8 become U+FFFD; Excel on Chinese Windows saves "CSV (逗号分隔)" as GBK.
export const NOT_UTF8_MESSAGE = '请以UTF-8编码保存（Excel：另存为“CSV UTF-8（逗号分隔）”）'

const fileError = (message: string): MerchantCsvResult => ({ good: [], bad: [], fileError: message })

/** Parse a whole mall's merchant list. Pure: the caller decodes the upload as UTF-8 text. */
export function parseMerchantCsv(text: string): MerchantCsvResult {
  if (text.includes('\uFFFD')) return fileError(NOT_UTF8_MESSAGE)
  const parsed = parseCsvRecords(text)
  if (!parsed.ok) return fileError(`第${parsed.unclosedQuoteRow}行的英文双引号没有成对出现，其后的内容无法读取，请检查该行`)
  const [header, ...rows] = parsed.records
  if (!header) return fileError('文件是空的')
  const columns = mapHeader(header.cells)
  if (!columns.ok) return fileError(columns.message)

  const result: MerchantCsvResult = { good: [], bad: [] }
  const firstRowOfUscc = new Map<string, number>()
  for (const { row, cells } of rows) {
    if (cells.every((c) => c.trim() === '')) continue // a blank line between blocks of shops
    const cell = (field: MerchantCsvField) => {
      const i = columns.index[field]
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    // the first occurrence stays (good or bad on its own merits); every later one is the duplicate
    const uscc = normalizeUscc(cell('uscc'))
    const duplicateOf = isValidUscc(uscc) ? firstRowOfUscc.get(uscc) : undefined
    if (isValidUscc(uscc) && duplicateOf === undefined) firstRowOfUscc.set(uscc, row)
    const extraCells = cells.slice(header.cells.length).some((c) => c.trim() !== '')
    const checked = checkRow(cell, { extraCells, duplicateOf })
    if (checked.ok) result.good.push({ row, input: checked.input })
    else result.bad.push({ row, reasons: checked.messages.map((m) => `第${row}行：${m}`) })
  }
  return result
}

/** ok, or one message per problem column, in column order, each naming its column */
type CheckedRow = { ok: true; input: MerchantInput } | { ok: false; messages: string[] }

function checkRow(cell: (field: MerchantCsvField) => string, row: { extraCells: boolean; duplicateOf?: number }): CheckedRow {
  // cells beyond the header usually mean an address with an unquoted comma: every column after it is shifted
  if (row.extraCells) return { ok: false, messages: ['这一行的列数比表头多，含逗号的内容（如地址）请用英文双引号括起来'] }
  const signed = parseSigned(cell('doubleCommitmentSigned'))
  const draft: MerchantInputDraft = {
    name: cell('name'),
    uscc: cell('uscc'),
    address: cell('address'),
    booth: cell('booth'),
    industry: cell('industry') as MerchantInputDraft['industry'], // the schema checks it
    doubleCommitmentSigned: signed ?? false,
    contactName: cell('contactName'),
    contactPhone: cell('contactPhone'),
  }
  const parsed = MerchantInputSchema.safeParse(draft)
  const fieldErrors = parsed.success ? {} : toFieldErrors(parsed.error)
  const messages: string[] = []
  for (const { field, header } of MERCHANT_CSV_COLUMNS) {
    const raw = cell(field)
    let message = fieldErrors[field]
    if ((field === 'uscc' || field === 'contactPhone') && isScientificNotation(raw)) {
      message = `${header}被表格软件改成了科学计数法（${raw}），请把该列设为“文本”后重新填写`
    } else if (field === 'industry' && message) {
      message = raw === '' ? '请填写行业' : `行业“${raw}”不在可选范围内，应为：${INDUSTRY_LINES.join('、')}`
    } else if (field === 'doubleCommitmentSigned' && signed === undefined) {
      message = `已签署双承诺应填“是”或“否”，而不是“${raw}”`
    } else if (field === 'uscc' && !message && row.duplicateOf !== undefined) {
      message = `统一社会信用代码与第${row.duplicateOf}行重复`
    }
    // schema messages that do not name their field ("含有不允许的字符…") get the column put in front
    if (message) messages.push(message.includes(header) ? message : `${header}${message}`)
  }
  return parsed.success && messages.length === 0 ? { ok: true, input: parsed.data } : { ok: false, messages }
}
