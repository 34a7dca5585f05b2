// Hand-built ISO BMFF boxes: just enough structure for the duration reader (no media inside).

export function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const size = 8 + content.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(size)
  new DataView(out.buffer).setUint32(0, size)
  out.set(Buffer.from(type, 'latin1'), 4)
  let at = 8
  for (const c of content) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** The same box with a 64-bit size (size field 1, then largesize). */
export function largeBox(type: string, content: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + content.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, 1)
  out.set(Buffer.from(type, 'latin1'), 4)
  view.setBigUint64(8, BigInt(out.length))
  out.set(content, 16)
  return out
}

/** mvhd or mdhd: version, flags, creation, modification, timescale, duration, then zero padding. */
export function timeHeader(type: 'mvhd' | 'mdhd', version: 0 | 1, timescale: number, duration: bigint): Uint8Array {
  const body = new Uint8Array(version === 1 ? 112 : 100)
  const view = new DataView(body.buffer)
  view.setUint8(0, version)
  if (version === 1) {
    view.setUint32(20, timescale)
    view.setBigUint64(24, duration)
  } else {
    view.setUint32(12, timescale)
    view.setUint32(16, Number(duration))
  }
  return box(type, body)
}

export function ftyp(brand = 'isom'): Uint8Array {
  return box('ftyp', Buffer.from(brand.padEnd(4, ' ') + '\0\0\0\0isommp41', 'latin1'))
}

export interface MovieSpec {
  brand?: string
  version?: 0 | 1
  timescale?: number
  /** seconds in mvhd */
  seconds: number
  /** seconds of each track's mdhd (timescale 48000) */
  tracks?: number[]
  /** put moov after mdat, as cameras that do not "fast start" do */
  moovLast?: boolean
}

export function movie(spec: MovieSpec): Uint8Array {
  const timescale = spec.timescale ?? 1000
  const version = spec.version ?? 0
  const traks = (spec.tracks ?? []).map((s) =>
    box('trak', box('tkhd', new Uint8Array(84)), box('mdia', timeHeader('mdhd', version, 48000, BigInt(Math.round(s * 48000))))),
  )
  const moov = box('moov', timeHeader('mvhd', version, timescale, BigInt(Math.round(spec.seconds * timescale))), ...traks)
  const mdat = box('mdat', new Uint8Array(64))
  const parts = spec.moovLast ? [ftyp(spec.brand), mdat, moov] : [ftyp(spec.brand), moov, mdat]
  return Buffer.concat(parts)
}
