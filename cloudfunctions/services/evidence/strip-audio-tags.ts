// Tags in recordings: a recorder app can write the place, the phone's owner name and the device
// into MP3 tags (ID3v2 at the front, ID3v1/APEv2/Lyrics3 at the end) or into WAV chunks (LIST/INFO,
// id3, bext, iXML, XMP). None of it is the recording: it is cut out, and what is left is the audio.

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  at >= 0 && at + text.length <= bytes.length && Array.from(text).every((c, i) => bytes[at + i] === c.charCodeAt(0))

/** ID3v2 sizes are "synchsafe": 4 bytes of 7 bits each. null when a high bit is set (not a tag). */
function synchsafe(bytes: Uint8Array, at: number): number | null {
  let n = 0
  for (let i = 0; i < 4; i++) {
    const b = bytes[at + i]
    if (b & 0x80) return null
    n = (n << 7) | b
  }
  return n
}

const u32le = (bytes: Uint8Array, at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0

/**
 * MP3 or ADTS AAC without its tags: the frames between the leading ID3v2 tags and the trailing
 * ID3v1, APEv2, Lyrics3 and appended ID3v2 tags. null when a tag's size runs past the file, or
 * nothing but tags is left.
 */
export function stripMpegTags(bytes: Uint8Array): Uint8Array | null {
  let start = 0
  while (ascii(bytes, start, 'ID3') && start + 10 <= bytes.length) {
    const size = synchsafe(bytes, start + 6)
    if (size === null) return null
    start += 10 + size + (bytes[start + 5] & 0x10 ? 10 : 0) // a footer repeats the header
  }
  let end = bytes.length
  for (let cut = trailingTag(bytes, start, end); cut !== null; cut = trailingTag(bytes, start, end)) end = cut
  if (start >= end) return null
  return bytes.slice(start, end)
}

/** Where the tag that ends at `end` begins, or null when the file does not end with one. */
function trailingTag(bytes: Uint8Array, start: number, end: number): number | null {
  let at: number | null = null
  if (ascii(bytes, end - 128, 'TAG')) {
    at = end - 128 // ID3v1, and the "enhanced" block before it
    if (ascii(bytes, at - 227, 'TAG+')) at -= 227
  } else if (ascii(bytes, end - 32, 'APETAGEX')) {
    const footer = end - 32 // the size counts the items and this footer, not the optional header
    at = end - u32le(bytes, footer + 12) - (u32le(bytes, footer + 20) & 0x80000000 ? 32 : 0)
  } else if (ascii(bytes, end - 10, '3DI')) {
    const size = synchsafe(bytes, end - 4)
    at = size === null ? null : end - 20 - size // header + frames + footer
  } else if (ascii(bytes, end - 9, 'LYRICS200')) {
    const size = Number(String.fromCharCode(...bytes.subarray(end - 15, end - 9)))
    at = Number.isInteger(size) ? end - 15 - size : null
  }
  return at !== null && at >= start && at < end ? at : null
}

/** The WAV chunks that are the recording; everything else (LIST, id3, bext, iXML, _PMX, cue…) goes. */
const KEPT_CHUNKS = new Set(['fmt ', 'fact', 'data'])

/**
 * A RIFF/WAVE file rebuilt from its fmt, fact and data chunks only. A data chunk whose size is 0 or
 * runs past the file (recorders that stream write it before they know the length) takes the rest
 * of the file. null when there is no fmt or no data chunk.
 */
export function stripWavChunks(bytes: Uint8Array): Uint8Array | null {
  const kept: { id: string; body: Uint8Array }[] = []
  let pos = 12 // RIFF, size, WAVE
  while (pos + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(pos, pos + 4))
    let size = u32le(bytes, pos + 4)
    const start = pos + 8
    if (id === 'data' && (size === 0 || start + size > bytes.length)) size = bytes.length - start
    if (start + size > bytes.length) break // a chunk cut short: what follows cannot be found anyway
    if (KEPT_CHUNKS.has(id) && !kept.some((c) => c.id === id)) kept.push({ id, body: bytes.subarray(start, start + size) })
    pos = start + size + (size & 1) // chunks are word-aligned
  }
  if (!kept.some((c) => c.id === 'fmt ') || !kept.some((c) => c.id === 'data')) return null
  const length = kept.reduce((n, c) => n + 8 + c.body.length + (c.body.length & 1), 12)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  const writeAscii = (at: number, text: string) =>
    out.set(
      Array.from(text, (c) => c.charCodeAt(0)),
      at,
    )
  writeAscii(0, 'RIFF')
  view.setUint32(4, length - 8, true)
  writeAscii(8, 'WAVE')
  let at = 12
  for (const c of kept) {
    writeAscii(at, c.id)
    view.setUint32(at + 4, c.body.length, true)
    out.set(c.body, at + 8)
    at += 8 + c.body.length + (c.body.length & 1) // the pad byte stays 0
  }
  return out
}
