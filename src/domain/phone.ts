// Mainland mobile numbers as people actually type them: full-width digits from a Chinese IME,
// spaces and dashes, a +86 / 0086 prefix. Normalised to 11 ASCII digits, or null when it is not one.
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g
const MOBILE = /^1[3-9]\d{9}$/

export function normalizePhone(input: string): string | null {
  const ascii = input
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-－()（）]/g, '')
    .replace(/^(\+|＋|00)86/, '')
  return MOBILE.test(ascii) ? ascii : null
}

/** 138****5678: what anyone who does not need the full number sees. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

/** 张* / 欧阳** : the family name stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return chars.length ? '*' : ''
  const keep = chars.length >= 4 ? 2 : 1
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep)
}
