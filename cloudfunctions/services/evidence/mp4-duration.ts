import { boxesIn, child, viewOf, type Box } from './iso-bmff-boxes'

// How long an MP4/MOV plays, read from its box headers without decoding anything, so the 60-second
// video cap can be enforced on the server. ISO BMFF: every box is size(4) type(4) [largesize(8)].
// null means "cannot tell" — the caller must treat that as a refusal, never as "short enough".

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
  const view = viewOf(bytes)
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
