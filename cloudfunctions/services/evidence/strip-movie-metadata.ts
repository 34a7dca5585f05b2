import { boxesIn, viewOf } from './iso-bmff-boxes'

// Where an MP4, MOV or M4A keeps what it knows about the recording beyond the picture and sound:
// phones write the place it was taken there (udta/©xyz "+31.2304+121.4737/", and Apple's
// moov/meta key com.apple.quicktime.location.ISO6709), with the device's make, model and software.
// A video of a shop counter must not tell the shop where the shopper lives.
//
// Each such box is turned into a `free` box of the same size with its content zeroed, rather than
// removed. Removing would shift everything after it, and the sample tables (stco/co64) hold
// absolute file offsets into mdat, which would then all have to be rewritten; a same-size `free`
// box ("ignore these bytes", ISO/IEC 14496-12 §8.1.2) keeps every offset valid and every parent's
// size right. Media data is never touched. Existing free/skip boxes are zeroed too: editors leave
// old metadata behind in them.
//
// Not covered: metadata carried as a timed track (GoPro's GPMF, drone subtitles) lives in mdat
// samples; phones write location in udta/meta, which is what is removed here.

/** Boxes whose content is metadata, wherever they sit in the tree. `uuid` is vendor data (XMP among it). */
const METADATA = new Set(['udta', 'meta', 'uuid', 'free', 'skip', 'wide'])
/** Boxes that only hold other boxes, and may hold metadata among them. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'edts', 'mvex', 'moof', 'traf'])
const FREE = [0x66, 0x72, 0x65, 0x65] // 'free'

/**
 * A copy of the file with every metadata box blanked, the same length as the input; null when the
 * box tree cannot be walked to its end (then we cannot say what it carries, and refuse it).
 */
export function stripMovieMetadata(bytes: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(bytes) // a copy: the caller's bytes stay as they came
  const view = viewOf(out)
  return blankIn(out, view, 0, out.length, true) ? out : null
}

function blankIn(out: Uint8Array, view: DataView, start: number, end: number, topLevel: boolean): boolean {
  let pos = start
  for (const box of boxesIn(view, start, end)) {
    pos = box.end
    if (METADATA.has(box.type)) {
      out.set(FREE, box.at + 4) // the size field (and a largesize) stay as they are
      out.fill(0, box.start, box.end)
    } else if (CONTAINERS.has(box.type) && !blankIn(out, view, box.start, box.end, false)) {
      return false
    }
  }
  if (pos === end) return true
  // A camera cut off mid-recording leaves an mdat that claims more than the file holds: its media
  // is no metadata, so a file whose last box is such an mdat is still taken.
  if (topLevel && isTruncatedMdat(view, pos, end)) return true
  if (end - pos >= 8) return false // a header that does not fit: not a tree we can vouch for
  out.fill(0, pos, end) // a few bytes of slack after the last box (some writers pad): nothing kept
  return true
}

function isTruncatedMdat(view: DataView, pos: number, end: number): boolean {
  if (pos + 8 > end) return false
  const type = String.fromCharCode(view.getUint8(pos + 4), view.getUint8(pos + 5), view.getUint8(pos + 6), view.getUint8(pos + 7))
  return type === 'mdat'
}
