// How long an MP4/MOV plays, read from its box headers without decoding anything, so the 60-second
// video cap can be enforced on the server. ISO BMFF: every box is size(4) type(4) [largesize(8)].
// null means "cannot tell" — the caller must treat that as a refusal, never as "short enough".

interface Box {
  type: string
  /** first byte of the content, after the header */
  start: number
  /** one past the last byte */
  end: number
}

function* boxesIn(view: DataView, start: number, end: number): Generator<Box> {
  let pos = start
  while (pos + 8 <= end) {
    let size = view.getUint32(pos)
    const type = String.fromCharCode(view.getUint8(pos + 4), view.getUint8(pos + 5), view.getUint8(pos + 6), view.getUint8(pos + 7))
    let header = 8
    if (size === 1) {
      if (pos + 16 > end) return
      const large = view.getBigUint64(pos + 8)
      if (large > BigInt(end - pos)) return
      size = Number(large)
      header = 16
    } else if (size === 0) {
      size = end - pos // "to the end of the file"
    }
    if (size < header || pos + size > end) return // malformed: stop rather than guess
    yield { type, start: pos + header, end: pos + size }
    pos += size
  }
}

function child(view: DataView, parent: Box, type: string): Box | undefined {
  for (const box of boxesIn(view, parent.start, parent.end)) if (box.type === type) return box
  return undefined
}

/** mvhd and mdhd share their opening layout: version, flags, times, timescale, duration. */
function headerSeconds(view: DataView, box: Box): number | null {
  const version = view.getUint8(box.start)
  const length = box.end - box.start
  let timescale: number
  let duration: bigint
  if (version === 0 && length >= 20) {
    timescale = view.getUint32(box.start + 12)
    duration = BigInt(view.getUint32(box.start + 16))
    if (duration === 0xffffffffn) return null // "unknown"
  } else if (version === 1 && length >= 32) {
    timescale = view.getUint32(box.start + 20)
    duration = view.getBigUint64(box.start + 24)
    if (duration === 0xffffffffffffffffn) return null
  } else {
    return null
  }
  if (timescale === 0) return null
  return Number(duration) / timescale
}

/**
 * Seconds the movie lasts: the longest of moov/mvhd and each track's mdia/mdhd (a forged mvhd alone
 * cannot hide a long track). Fragmented files (mvex/moof) keep their length in the fragments: null.
 */
export function mp4DurationSeconds(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let moov: Box | undefined
  for (const box of boxesIn(view, 0, bytes.byteLength)) {
    if (box.type === 'moof') return null
    if (box.type === 'moov') moov ??= box
  }
  if (!moov || child(view, moov, 'mvex')) return null
  const mvhd = child(view, moov, 'mvhd')
  const movie = mvhd ? headerSeconds(view, mvhd) : null
  if (movie === null) return null
  let longest = movie
  for (const trak of boxesIn(view, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue
    const mdia = child(view, trak, 'mdia')
    const mdhd = mdia && child(view, mdia, 'mdhd')
    if (!mdhd) continue
    const seconds = headerSeconds(view, mdhd)
    if (seconds === null) return null
    longest = Math.max(longest, seconds)
  }
  return longest
}
