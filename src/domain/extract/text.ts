// Small text helpers shared by the extractors. Normalisation is character for character, so an index
// found in the normalised text is an index in what the person typed (evidence spans stay exact).

/** Full-width digits, letters and ￥ to their ASCII forms; ideographic space to space. */
export function normalize(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => {
    if (c === '\u3000') return ' '
    const code = c.charCodeAt(0)
    if (c === '￥') return '¥'
    if (c === '：') return ':'
    if (c === '．') return '.'
    return /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(c) ? String.fromCharCode(code - 0xfee0) : c
  })
}

/**
 * What ends a clause, full-width and ASCII alike: comma, full stop, !, ?, semicolon, colon and a line break.
 * Spelled for a regex character class: `[^${CLAUSE_END}]` is one character of the same clause. Not in it:
 * the ASCII '.' (also a decimal point, 3.8万), '、' (a list inside one clause) and quotes (a quoted name
 * sits inside its clause: 在“木子里”服装店买的).
 */
export const CLAUSE_END = '，,。！!？?；;：:\\n'

export interface Hit {
  start: number
  end: number
  text: string
}

export function findAll(text: string, pattern: RegExp): (RegExpExecArray & { start: number; end: number })[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`
  const re = new RegExp(pattern.source, flags)
  const out: (RegExpExecArray & { start: number; end: number })[] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(Object.assign(m, { start: m.index, end: m.index + m[0].length }))
    if (m[0].length === 0) re.lastIndex++
  }
  return out
}

/** The text just before an index, within the same clause (stops at 。！？；and line breaks). */
export function before(text: string, index: number, width: number): string {
  const s = text.slice(Math.max(0, index - width), index)
  const cut = Math.max(
    s.lastIndexOf('。'),
    s.lastIndexOf('！'),
    s.lastIndexOf('？'),
    s.lastIndexOf('；'),
    s.lastIndexOf('\n'),
    s.lastIndexOf('!'),
    s.lastIndexOf('?'),
  )
  return cut >= 0 ? s.slice(cut + 1) : s
}

export function after(text: string, index: number, width: number): string {
  const s = text.slice(index, index + width)
  const cut = s.search(/[。！？；\n!?]/)
  return cut >= 0 ? s.slice(0, cut) : s
}

// the negation reaches the word only inside its clause: "店家说不赔;烫伤的是孩子" is no "不…烫伤"
const NEGATION = new RegExp(
  `(没有?|未|无|不|别|差点儿?|差一点|险些|幸好|好在|还好|幸亏|并没有?|不会|以免|防止|担心|怕)[^${CLAUSE_END}]{0,2}$`,
)

/** "幸好没受伤", "差点烫伤", "没有过敏": the word is said not to have happened. */
export function negatedBefore(text: string, index: number): boolean {
  return NEGATION.test(before(text, index, 6))
}

/** The excerpt around a span that the form shows as "from your words: …". */
export function evidence(text: string, start: number, end: number): string {
  return text.slice(start, end).trim()
}
