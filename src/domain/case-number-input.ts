import { CASE_NO_PATTERN } from './case-number'

// A case number as people type it into the lookup page: read off a receipt, over the phone, on an
// elderly person's keyboard. "KS-" is optional (a hyphen is hard to find), any case, spaces or
// dashes anywhere, full-width digits from a Chinese keyboard. "20261205 0001", "ks２０２６１２０５-0001"
// and "KS-20261205-0001" are one number. Used by the lookup page and the lookup service alike.

// every dash a phone keyboard may give: hyphen, the Unicode dashes and minus, the katakana long mark
const SEPARATORS = /[\s\-_.·\u2010-\u2015\u2212\u30FC\u3000]+/g

/**
 * The canonical "KS-YYYYMMDD-NNNN" for what was typed, or null when it cannot be a case number.
 * The day's 8 digits come first; the sequence after them may be written short ("20261205 1") only
 * when something separates the two, since without a separator nothing says where the day ends.
 */
export function normalizeCaseNo(typed: string): string | null {
  const folded = typed.normalize('NFKC').toUpperCase().trim()
  const bare = folded.replace(/^KS/, '')
  if (/[^0-9\s\-_.·\u2010-\u2015\u2212\u30FC\u3000]/.test(bare)) return null // a letter or sign left: not a number
  const groups = bare.split(SEPARATORS).filter(Boolean)
  let day: string
  let sequence: string
  if (groups.length === 1 && groups[0].length >= 12) {
    day = groups[0].slice(0, 8)
    sequence = groups[0].slice(8)
  } else if (groups.length === 2 && groups[0].length === 8) {
    ;[day, sequence] = groups
    if (/^0+$/.test(sequence)) return null // sequences start at 1
    sequence = sequence.padStart(4, '0')
  } else {
    return null
  }
  const canonical = `KS-${day}-${sequence}`
  return CASE_NO_PATTERN.test(canonical) ? canonical : null
}
