// An SVG string as a data URL an <image> can show. Base64 rather than percent-encoding: WeChat's image
// component documents base64 data URLs, and the mini-program has no btoa, so the UTF-8 bytes (the chart's
// Chinese labels) are encoded here by hand.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function utf8Bytes(text: string): number[] {
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return bytes
}

export function base64OfText(text: string): string {
  const b = utf8Bytes(text)
  let out = ''
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < b.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < b.length ? ALPHABET[n & 63] : '='
  }
  return out
}

export const svgDataUrl = (svg: string): string => `data:image/svg+xml;base64,${base64OfText(svg)}`
