// Money is kept in fen (integer) so that sums never drift; people type and read yuan.
const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/** "12", "12.5", "12.50", "１２" → fen; "" → null; anything else → undefined (invalid). */
export function yuanToFen(input: string): number | null | undefined {
  const text = input
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[¥￥元,，\s]/g, '')
  if (text === '') return null
  const m = YUAN.exec(text)
  if (!m) return undefined
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100)
  const rest = fen % 100
  return rest === 0 ? `${yuan}元` : `${yuan}.${String(rest).padStart(2, '0')}元`
}
