import { deflateSync, crc32 } from 'node:zlib'
import exifr from 'exifr'
import sharp from 'sharp'

// Test images made on the spot: a phone-like JPEG that carries GPS, and hostile ones.

export const GPS_EXIF = {
  IFD0: { Make: 'TestPhone', Model: 'X1' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '30/1 15/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '120/1 10/1 0/1',
  },
}

export async function jpegWithGps(opts: { width?: number; height?: number; orientation?: number } = {}): Promise<Buffer> {
  const { width = 64, height = 32, orientation } = opts
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withMetadata({ exif: GPS_EXIF, ...(orientation ? { orientation } : {}) })
    .toBuffer()
}

export const solidImage = (format: 'png' | 'webp' | 'jpeg', width = 16, height = 16) => {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
  return image[format]().toBuffer()
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/** A tiny PNG whose header claims width × height pixels: a decompression bomb's calling card. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

/** GPS as exifr reads it, or null when the bytes carry none. */
export async function gpsOf(bytes: Uint8Array): Promise<{ latitude: number; longitude: number } | null> {
  const gps = await exifr.gps(Buffer.from(bytes)).catch(() => undefined)
  return gps ?? null
}

/** Every metadata block exifr can find (EXIF, GPS, XMP, IPTC, ICC), or null when there is none. */
export async function metadataOf(bytes: Uint8Array): Promise<Record<string, unknown> | null> {
  const all = await exifr
    .parse(Buffer.from(bytes), { tiff: true, xmp: true, icc: true, iptc: true, jfif: false, ihdr: false })
    .catch(() => undefined)
  return all && Object.keys(all).length > 0 ? all : null
}

export const minimalPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  )
