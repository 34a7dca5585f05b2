import fc from 'fast-check'
import { parseCsvRecords } from '../../../src/domain/merchant/csv-records'

function records(text: string) {
  const parsed = parseCsvRecords(text)
  if (!parsed.ok) throw new Error(`unclosed quote at row ${parsed.unclosedQuoteRow}`)
  return parsed.records
}
const cells = (text: string) => records(text).map((r) => r.cells)

describe('parseCsvRecords (RFC 4180)', () => {
  it('when a quoted field holds commas, then they stay inside the cell', () => {
    expect(cells('a,"杭州市, 文三路1号",c\n')).toEqual([['a', '杭州市, 文三路1号', 'c']])
  })

  it('when a quoted field holds doubled quotes, then each pair becomes one quote', () => {
    expect(cells('"甜心""烘焙""坊",""""\n')).toEqual([['甜心"烘焙"坊', '"']])
  })

  it('when a quoted field holds line breaks, then the record is still one spreadsheet row and the next record counts on from it', () => {
    const parsed = records('h1,h2\r\n"一楼\r\n东侧",x\r\ny,z\r\n')
    expect(parsed).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 2, cells: ['一楼\n东侧', 'x'] },
      { row: 3, cells: ['y', 'z'] },
    ])
  })

  it('when the file starts with a UTF-8 BOM, then the BOM is not part of the first header', () => {
    expect(cells('\uFEFF店铺名称,行业\n')).toEqual([['店铺名称', '行业']])
  })

  it('when lines end with CRLF, LF or a lone CR, then each ends a record', () => {
    expect(cells('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ])
  })

  it('when the file ends with a line break, then no empty record follows; without one, the last line still counts', () => {
    expect(cells('a\r\nb\r\n')).toEqual([['a'], ['b']])
    expect(cells('a\r\nb')).toEqual([['a'], ['b']])
    expect(cells('')).toEqual([])
  })

  it('when a blank line sits between records, then it is a record of one empty cell and keeps the row count', () => {
    expect(records('a\n\nb\n')).toEqual([
      { row: 1, cells: ['a'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['b'] },
    ])
  })

  it('when empty cells and a trailing comma appear, then each is an empty string', () => {
    expect(cells(',a,,\n')).toEqual([['', 'a', '', '']])
  })

  it('when a quote is left open, then the row where it started is reported', () => {
    expect(parseCsvRecords('a,b\nc,"d\ne,f\n')).toEqual({ ok: false, unclosedQuoteRow: 2 })
  })

  it('when a quote appears inside an unquoted field, then it is kept as text (what hand-made files contain)', () => {
    expect(cells('5"屏,b\n')).toEqual([['5"屏', 'b']])
  })

  it('when any table is written the way a spreadsheet writes CSV, then it reads back unchanged', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '店', ',', '"', '\n', ' ', '1') })
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }))
    const quote = (c: string) => (/[",\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)
    fc.assert(
      fc.property(table, (rows) => {
        const text = `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`
        expect(cells(text)).toEqual(rows)
      }),
    )
  })
})
