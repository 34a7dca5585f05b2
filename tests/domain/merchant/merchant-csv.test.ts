import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSigned } from '../../../src/domain/merchant/merchant-csv-columns'
import { NOT_UTF8_MESSAGE, parseMerchantCsv } from '../../../src/domain/merchant/merchant-csv'

const HEADER = '店铺名称,统一社会信用代码,地址,铺位号,行业,已签署双承诺,联系人,联系电话'
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8')
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`

describe('parseMerchantCsv', () => {
  // demo-mall.csv is saved as Excel's "CSV UTF-8" does: BOM, CRLF, LF inside a quoted address, one blank row.
  it('when a mall file has 5 good and 4 broken rows, then the 5 are kept and each broken row says what is wrong, with its spreadsheet row', () => {
    const result = parseMerchantCsv(fixture('demo-mall.csv'))
    expect(result.fileError).toBeUndefined()
    expect(result.good.map((g) => [g.row, g.input.name])).toEqual([
      [2, '老王面馆'],
      [3, '小李数码'],
      [5, '甜心"烘焙"坊'],
      [7, '优品超市'],
      [10, '车之家汽车用品'],
    ])
    expect(result.bad).toEqual([
      { row: 4, reasons: ['第4行：统一社会信用代码校验位不正确'] },
      { row: 6, reasons: ['第6行：请填写店铺名称', '第6行：联系电话应为11位手机号码'] },
      {
        row: 8,
        reasons: [
          '第8行：行业“美容美发”不在可选范围内，应为：食品、药品、医疗器械、商超、职业索赔、一般消费纠纷、汽车、房地产、价格、产品质量',
        ],
      },
      { row: 11, reasons: ['第11行：统一社会信用代码与第2行重复'] },
    ])
  })

  it('when a good row is read, then its cells become a normalised merchant input with the default clocks', () => {
    const { good } = parseMerchantCsv(fixture('demo-mall.csv'))
    expect(good[0].input).toEqual({
      name: '老王面馆',
      uscc: '92330106MA2KD00015',
      address: '杭州市西湖区文三路1号, 美食广场',
      booth: 'B1-01',
      industry: '食品',
      doubleCommitmentSigned: true,
      responseMinutes: 45,
      onSiteMinutes: 90,
      contactName: '王建国',
      contactPhone: '13812345678',
    })
    expect(good[1].input.contactPhone).toBe('13900001111')
    expect(good[2].input.address).toBe('杭州市西湖区文三路1号\n一楼东侧')
    expect(good.map((g) => g.input.doubleCommitmentSigned)).toEqual([true, false, true, true, false])
  })

  it('when a required column is missing from the header, then there is one file-level error and no rows', () => {
    const result = parseMerchantCsv(csv('店铺名称,地址,铺位号,已签署双承诺', '老王面馆,文三路1号,B1-01,是'))
    expect(result).toEqual({
      good: [],
      bad: [],
      fileError: `第1行（表头）缺少“统一社会信用代码”、“行业”列。表头应为：${HEADER}`,
    })
  })

  it('when a column appears twice (Chinese and English name), then there is one file-level error', () => {
    expect(parseMerchantCsv(csv('店铺名称,name,uscc,industry')).fileError).toBe('表头中“店铺名称”列出现了两次')
  })

  it('when the header uses the English aliases, extra columns, spaces and * marks, then it is understood and optional columns may be left out', () => {
    const result = parseMerchantCsv(csv(' Name* ,备注,USCC,industry', '老王面馆,老客户多,92330106MA2KD00015,食品'))
    expect(result.bad).toEqual([])
    expect(result.good).toEqual([
      { row: 2, input: expect.objectContaining({ name: '老王面馆', address: '', doubleCommitmentSigned: false, contactPhone: '' }) },
    ])
  })

  it('when a GBK file is read as UTF-8, then the person is told to save it as UTF-8', () => {
    const gbkHeader = new Uint8Array([0xb5, 0xea, 0xc6, 0xcc, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x0d, 0x0a]) // "店铺名称," in GBK
    const text = new TextDecoder('utf-8').decode(gbkHeader)
    expect(parseMerchantCsv(text)).toEqual({ good: [], bad: [], fileError: NOT_UTF8_MESSAGE })
  })

  it('when a quote is never closed, then the file is refused with the row where it opened', () => {
    expect(parseMerchantCsv(csv(HEADER, '老王面馆,92330106MA2KD00015,"文三路1号,B1,食品,是,王,13812345678')).fileError).toBe(
      '第2行的英文双引号没有成对出现，其后的内容无法读取，请检查该行',
    )
  })

  it('when the file is empty or has only a header, then there is a file error or simply nothing to import', () => {
    expect(parseMerchantCsv('').fileError).toBe('文件是空的')
    expect(parseMerchantCsv(`\uFEFF${HEADER}\r\n`)).toEqual({ good: [], bad: [] })
  })

  it('when Excel turned an all-digit code or a phone into scientific notation, then the reason says how to fix it', () => {
    const result = parseMerchantCsv(csv(HEADER, '华为体验店,9.14403E+17,,,产品质量,是,,1.38123E+10'))
    expect(result.bad).toEqual([
      {
        row: 2,
        reasons: [
          '第2行：统一社会信用代码被表格软件改成了科学计数法（9.14403E+17），请把该列设为“文本”后重新填写',
          '第2行：联系电话被表格软件改成了科学计数法（1.38123E+10），请把该列设为“文本”后重新填写',
        ],
      },
    ])
  })

  it('when a row has more cells than the header, then it is reported as an unquoted comma instead of shifted-column errors', () => {
    const result = parseMerchantCsv(csv(HEADER, '老王面馆,92330106MA2KD00015,杭州市,文三路1号,B1-01,食品,是,王建国,13812345678'))
    expect(result.bad).toEqual([{ row: 2, reasons: ['第2行：这一行的列数比表头多，含逗号的内容（如地址）请用英文双引号括起来'] }])
  })

  it('when a row has fewer cells than the header, then the missing trailing cells count as empty', () => {
    expect(parseMerchantCsv(csv(HEADER, '老王面馆,92330106MA2KD00015,,,食品')).good).toHaveLength(1)
  })

  it('when the same code is written differently (lower case, full-width), then it is still a duplicate of the first row', () => {
    const result = parseMerchantCsv(csv(HEADER, '老王面馆,92330106MA2KD00015,,,食品', '老王面馆二店,９２３３０１０６ma2kd00015,,,食品'))
    expect(result.bad).toEqual([{ row: 3, reasons: ['第3行：统一社会信用代码与第2行重复'] }])
  })

  it('when a code has a forbidden letter or the signed column is not understood, then the column is named', () => {
    const result = parseMerchantCsv(csv(HEADER, '老王面馆,9233O106MA2KD00015,,,食品,已签,,', '小李数码,92330106MA2KD00028,,,,,,'))
    expect(result.bad).toEqual([
      { row: 2, reasons: ['第2行：统一社会信用代码含有不允许的字符（I、O、Z、S、V）', '第2行：已签署双承诺应填“是”或“否”，而不是“已签”'] },
      { row: 3, reasons: ['第3行：请填写行业'] },
    ])
  })

  it.each([
    ['是', true],
    ['Y', true],
    ['y', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['否', false],
    ['N', false],
    ['false', false],
    ['0', false],
    ['', false],
    [' 是 ', true],
    ['已签', undefined],
    ['2', undefined],
  ])('when 已签署双承诺 is %j, then it reads as %s', (cell, value) => {
    expect(parseSigned(cell)).toBe(value)
  })
})
