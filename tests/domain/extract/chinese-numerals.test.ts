import fc from 'fast-check'
import { parseChineseNumber } from '../../../src/domain/extract/chinese-numerals'

// A tiny writer of standard Chinese numerals, used only to generate inputs for the parser:
// 10 → 十, 110 → 一百一十, 10005 → 一万零五, 20300000 → 两千零三十万.
const DIGITS = '零一二三四五六七八九'
function section(n: number, leadingZero: boolean): string {
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ]
  let out = ''
  let zero = leadingZero
  for (const [size, unit] of places) {
    const d = Math.floor(n / size) % 10
    if (d === 0) {
      if (out !== '' || zero) zero = true
      continue
    }
    if (zero && (out !== '' || leadingZero)) out += '零'
    zero = false
    out += (d === 2 && size >= 1000 ? '两' : DIGITS[d]) + unit
  }
  return out
}
function toChinese(n: number): string {
  if (n === 0) return '零'
  const wan = Math.floor(n / 10000)
  const rest = n % 10000
  const head = wan > 0 ? `${section(wan, false)}万` : ''
  const tail = rest > 0 ? section(rest, wan > 0 && rest < 1000) : ''
  const text = head + tail
  return text.startsWith('一十') ? text.slice(1) : text
}

describe('Chinese numerals', () => {
  it.each([
    ['两千九百九十九', 2999],
    ['三百五', 350],
    ['一千二', 1200],
    ['两万三', 23000],
    ['十三万八', 138000],
    ['1.2万', 12000],
    ['6.8万', 68000],
    ['一点五万', 15000],
    ['3千5', 3500],
    ['2万3', 23000],
    ['十五', 15],
    ['二十八', 28],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['一万零八百', 10800],
    ['八十六万', 860000],
    ['壹仟贰佰叁拾肆', 1234],
    ['伍佰', 500],
    ['两', 2],
    ['二〇二五', 2025],
    ['2999', 2999],
    ['12.50', 12.5],
    ['3,299', 3299],
  ])('when %s is read, then it is %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value)
  })

  it.each(['三四', '三四万', '万', '百百', '点', '几百', '', '一点', '十几'])('when %j is read, then it is not one number', (text) => {
    expect(parseChineseNumber(text)).toBeNull()
  })

  it('when any whole number up to 99,999,999 is written in Chinese, then it reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })

  it('when the writer is spot-checked, then it writes the standard forms the property relies on', () => {
    expect([10, 110, 10005, 20300000, 100010].map(toChinese)).toEqual(['十', '一百一十', '一万零五', '两千零三十万', '十万零一十'])
  })
})
