// Chinese numerals as people say and type them: 两千九百九十九, 三百五 (= 350), 一千二, 1.2万, 3千5,
// 2万3, 一点五万, 二〇二五 (digit by digit), and the financial forms 壹贰叁…拾佰仟.
const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
}
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const BIG: [string, number][] = [
  ['亿', 1e8],
  ['億', 1e8],
  ['万', 1e4],
  ['萬', 1e4],
]

/** The characters a numeral may contain (for building regular expressions around it). */
export const NUMERAL_CHARS = '0-9.零〇一壹幺二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億点'
const ARABIC = /^\d+(?:\.\d+)?$/

function isDigitChar(ch: string): boolean {
  return ch in DIGIT
}

/** Below 万: 三百五 → 350, 两千九百九十九 → 2999, 3千5 → 3500, 一千零二 → 1002. null when not a number. */
function parseSection(s: string): number | null {
  if (s === '') return 0
  if (ARABIC.test(s)) return Number(s)
  const chars = [...s]
  if (chars.length > 1 && chars.every(isDigitChar)) {
    // 二〇二五 is read digit by digit; 三四 is a range (三四万 = 30,000–40,000), not 34
    return chars.length >= 3 || chars.some((c) => DIGIT[c] === 0) ? Number(chars.map((c) => DIGIT[c]).join('')) : null
  }
  let value = 0
  let num: number | null = null
  let lastUnit = 0
  let afterZero = false
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    if (/\d/.test(ch)) {
      let j = i
      while (j < chars.length && /[\d.]/.test(chars[j])) j++
      if (num !== null) return null
      const run = chars.slice(i, j).join('')
      if (!ARABIC.test(run)) return null
      num = Number(run)
      i = j - 1
    } else if (isDigitChar(ch)) {
      if (num !== null) return null // 三五: a range, not a number
      if (DIGIT[ch] === 0) afterZero = true
      else num = DIGIT[ch]
    } else if (ch in UNIT) {
      const unit = UNIT[ch]
      if (lastUnit !== 0 && unit >= lastUnit) return null // 百百, 十百
      value += (num ?? 1) * unit
      num = null
      lastUnit = unit
      afterZero = false
    } else {
      return null
    }
  }
  if (num !== null) value += lastUnit >= 100 && !afterZero ? (num * lastUnit) / 10 : num
  return value
}

function parseDecimal(s: string): number | null {
  const at = s.indexOf('点')
  if (at < 0) return parseSection(s)
  const whole = parseSection(s.slice(0, at))
  const frac = [...s.slice(at + 1)]
  if (whole === null || frac.length === 0) return null
  const digits = frac.map((c) => (/\d/.test(c) ? Number(c) : DIGIT[c]))
  if (digits.some((d) => d === undefined)) return null
  return Number(`${whole}.${digits.join('')}`)
}

function parseWithBig(s: string, bigIndex: number): number | null {
  if (bigIndex >= BIG.length) return parseDecimal(s)
  const [mark, size] = BIG[bigIndex]
  const at = s.lastIndexOf(mark)
  if (at < 0) return parseWithBig(s, bigIndex + 1)
  const leftText = s.slice(0, at)
  if (leftText === '') return null // a bare 万 is not a number
  const left = parseWithBig(leftText, bigIndex)
  const rightText = s.slice(at + 1)
  if (left === null) return null
  // 两万三 = 23000 and 2万3 = 23000: a lone digit after 万/亿 is the next place down
  const lone = /^(\d|[一二两三四五六七八九壹贰叁肆伍陆柒捌玖])$/.exec(rightText)
  const right = lone ? (/\d/.test(lone[1]) ? Number(lone[1]) : DIGIT[lone[1]]) * (size / 10) : parseWithBig(rightText, bigIndex + 1)
  if (right === null || right >= size) return null
  return left * size + right
}

/** "两千九百九十九" → 2999, "1.2万" → 12000, "三百五" → 350; null when the text is not one number. */
export function parseChineseNumber(text: string): number | null {
  const s = text.replace(/[,，\s]/g, '')
  if (s === '' || s === '点' || /^[点.]|[点.]$/.test(s)) return null
  const value = parseWithBig(s, 0)
  if (value === null || !Number.isFinite(value)) return null
  return Math.round(value * 100) / 100
}
