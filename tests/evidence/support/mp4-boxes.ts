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

const u32 = (n: number) => {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n)
  return b
}
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))
/** version and flags of a "full box": four zero bytes */
const FULL = new Uint8Array(4)
const XMP_UUID = new Uint8Array(Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex'))

export const PHONE_LOCATION = '+31.2304+121.4737/'

/**
 * A movie laid out as phones write one: ftyp, moov (header, one track with its sample table, then
 * the metadata), mdat. The location is everywhere a phone or an editor puts it: udta/©xyz, an Apple
 * moov/meta key (ISO 6709), a track's own udta and meta, an XMP uuid box inside moov and one at the
 * top level. The track's stco points at one sample in mdat, so a test can check the offset still hits it.
 */
export function phoneLikeMovie(opts: { brand?: string; seconds?: number } = {}) {
  const seconds = opts.seconds ?? 12
  const sample = text('SAMPLE-BYTES-OF-THE-PICTURE-0001')
  const xyz = box('©xyz', new Uint8Array([0, PHONE_LOCATION.length, 0x15, 0xc7]), text(PHONE_LOCATION))
  const appleMeta = box(
    'meta',
    FULL,
    box('hdlr', FULL, text('\0\0\0\0mdta'), new Uint8Array(13)),
    box('keys', FULL, u32(1), u32(8 + 36), text('mdtacom.apple.quicktime.location.ISO6709')),
    box('ilst', box('\0\0\0\x01', box('data', u32(1), u32(0), text('+31.2304+121.4737+004.000/')))),
  )
  const xmp = box(
    'uuid',
    XMP_UUID,
    text('<x:xmpmeta><rdf:Description exif:GPSLatitude="31,13.824N" exif:GPSLongitude="121,28.422E"/></x:xmpmeta>'),
  )
  const build = (offset: number) =>
    box(
      'moov',
      timeHeader('mvhd', 0, 600, BigInt(seconds * 600)),
      box(
        'trak',
        box('tkhd', new Uint8Array(84)),
        box('mdia', timeHeader('mdhd', 0, 600, BigInt(seconds * 600)), box('minf', box('stbl', box('stco', FULL, u32(1), u32(offset))))),
        box('udta', xyz),
        box('meta', FULL, box('hdlr', new Uint8Array(25)), box('ilst', box('data', text(PHONE_LOCATION)))),
      ),
      box('udta', xyz, box('©mak', new Uint8Array(4), text('Apple')), box('©mod', new Uint8Array(4), text('iPhone 15 Pro'))),
      appleMeta,
      xmp,
    )
  const head = ftyp(opts.brand ?? 'isom')
  const offset = head.length + build(0).length + 8 // the sample is the first thing in mdat
  const bytes = new Uint8Array(Buffer.concat([head, build(offset), box('mdat', sample), xmp]))
  return { bytes, offset, sample }
}
