/**
 * Short codes people read off a poster or type: characters from an alphabet without look-alikes,
 * drawn from random bytes the caller supplies (src/domain never makes randomness of its own).
 * Bytes at or above the largest multiple of the alphabet's size are skipped, so every character is
 * equally likely; null when the bytes run out first (ask again with more).
 */
export function shortCodeFrom(bytes: Uint8Array, alphabet: string, length: number): string | null {
  const usable = 256 - (256 % alphabet.length)
  let code = ''
  for (const b of bytes) {
    if (code.length === length) break
    if (b < usable) code += alphabet[b % alphabet.length]
  }
  return code.length === length ? code : null
}

/** Enough random bytes that running out (> 3/4 of them skipped) practically never happens. */
export const bytesFor = (length: number) => length * 4
