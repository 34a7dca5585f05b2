// Walking ISO BMFF (MP4, MOV, M4A) box headers: every box is size(4) type(4) [largesize(8)], and a
// container's content is its child boxes, one after another. Shared by the duration reader and the
// metadata stripper; neither decodes any media.

export interface Box {
  type: string
  /** first byte of the box header */
  at: number
  /** first byte of the content, after the header */
  start: number
  /** one past the last byte */
  end: number
}

/** The boxes between start and end, in order. Stops at the first header that does not fit: the caller sees where. */
export function* boxesIn(view: DataView, start: number, end: number): Generator<Box> {
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
    yield { type, at: pos, start: pos + header, end: pos + size }
    pos += size
  }
}

export function child(view: DataView, parent: Box, type: string): Box | undefined {
  for (const box of boxesIn(view, parent.start, parent.end)) if (box.type === type) return box
  return undefined
}

export const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
