// The short code handed out with a case number. Together they open the case from any device — the
// way an elderly person, or anyone who lost their phone, finds their case again. 8 characters from a
// 31-letter alphabet without look-alikes: ~8.5e11 combinations per case number.
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const QUERY_CODE_LENGTH = 8

/** Turn random bytes (from the platform) into a query code. */
export function queryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < QUERY_CODE_LENGTH) throw new RangeError('need at least 8 random bytes')
  let code = ''
  // 256 is not a multiple of 31: bytes ≥ 248 would bias the first letters, so they are skipped.
  for (const b of bytes) {
    if (b >= 248) continue
    code += QUERY_CODE_ALPHABET[b % 31]
    if (code.length === QUERY_CODE_LENGTH) return code
  }
  throw new RangeError('not enough unbiased random bytes')
}

/** People type codes in lower case, with spaces or dashes. */
export function normalizeQueryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}
