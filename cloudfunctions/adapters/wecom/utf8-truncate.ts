// WeCom counts its content limit in UTF-8 bytes (a Chinese character is 3, an emoji 4). Cutting a
// JavaScript string by bytes could split a character; we cut between graphemes (what a reader sees as
// one character, so a family emoji or a flag is never half-shown) and mark the cut with "…".

const encoder = new TextEncoder()
export const utf8Length = (text: string) => encoder.encode(text).length

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' })

export function truncateUtf8(text: string, maxBytes: number, marker = '…'): string {
  if (utf8Length(text) <= maxBytes) return text
  const budget = maxBytes - utf8Length(marker)
  if (budget < 0) return ''
  let used = 0
  let out = ''
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment)
    if (used + size > budget) break
    used += size
    out += segment
  }
  return out + marker
}
