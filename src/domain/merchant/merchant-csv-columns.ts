import type { MerchantInputDraft } from './merchant-input.schema'

/**
 * The columns of the mall import template. A column is required exactly when the merchant schema
 * requires the field, so a template without 地址 or 联系人 still imports; English aliases exist for
 * sheets exported from other systems.
 */
export const MERCHANT_CSV_COLUMNS = [
  { field: 'name', header: '店铺名称', alias: 'name', required: true },
  { field: 'uscc', header: '统一社会信用代码', alias: 'uscc', required: true },
  { field: 'address', header: '地址', alias: 'address', required: false },
  { field: 'booth', header: '铺位号', alias: 'booth', required: false },
  { field: 'industry', header: '行业', alias: 'industry', required: true },
  { field: 'doubleCommitmentSigned', header: '已签署双承诺', alias: 'signed', required: false },
  { field: 'contactName', header: '联系人', alias: 'contact', required: false },
  { field: 'contactPhone', header: '联系电话', alias: 'phone', required: false },
] as const satisfies readonly { field: keyof MerchantInputDraft; header: string; alias: string; required: boolean }[]

export type MerchantCsvColumn = (typeof MERCHANT_CSV_COLUMNS)[number]
export type MerchantCsvField = MerchantCsvColumn['field']

export const TEMPLATE_HEADER_LINE = MERCHANT_CSV_COLUMNS.map((c) => c.header).join(',')

/** Templates often mark required columns with * and people type headers with stray spaces. */
function headerKey(cell: string): string {
  return cell
    .replace(/[\s\u3000]/g, '')
    .replace(/[*＊]+$/, '')
    .toLowerCase()
}

export type HeaderMap = { ok: true; index: Partial<Record<MerchantCsvField, number>> } | { ok: false; message: string }

/** Which cell holds which field; unknown columns (备注 …) are ignored. */
export function mapHeader(cells: string[]): HeaderMap {
  const index: Partial<Record<MerchantCsvField, number>> = {}
  for (const [i, cell] of cells.entries()) {
    const key = headerKey(cell)
    const column = MERCHANT_CSV_COLUMNS.find((c) => c.header === key || c.alias === key)
    if (!column) continue
    if (index[column.field] !== undefined) return { ok: false, message: `表头中“${column.header}”列出现了两次` }
    index[column.field] = i
  }
  const missing = MERCHANT_CSV_COLUMNS.filter((c) => c.required && index[c.field] === undefined)
  if (missing.length === 0) return { ok: true, index }
  const names = missing.map((c) => `“${c.header}”`).join('、')
  return { ok: false, message: `第1行（表头）缺少${names}列。表头应为：${TEMPLATE_HEADER_LINE}` }
}

const YES = new Set(['是', 'y', 'yes', 'true', '1'])
const NO = new Set(['否', 'n', 'no', 'false', '0', ''])

/** 已签署双承诺: 是/否/Y/N/true/false/1/0 in any case; blank means not signed. undefined = not understood. */
export function parseSigned(cell: string): boolean | undefined {
  const v = cell.trim().toLowerCase()
  if (YES.has(v)) return true
  if (NO.has(v)) return false
  return undefined
}

/**
 * Excel shows an all-digit 18-character code or an 11-digit phone as 9.14403E+17 and saves it so;
 * the digits are gone, and the person must re-enter them as text, which "校验位不正确" would not tell them.
 */
export function isScientificNotation(cell: string): boolean {
  return /^\d+(\.\d+)?E\+?\d+$/i.test(cell.trim())
}
