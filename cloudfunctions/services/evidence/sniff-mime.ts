import type { EvidenceMime } from '../../../src/domain/evidence.schema'

// The real type of an upload comes from its first bytes (magic numbers), never from its name or the
// type the client declared: both are the uploader's say-so. Anything unrecognised is null, and the
// caller refuses it. Pure and total: any byte array in, a type or null out, never a throw.

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((b, i) => bytes[offset + i] === b)
}

const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const RIFF = ascii('RIFF')
const WEBP = ascii('WEBP')
const WAVE = ascii('WAVE')
const FTYP = ascii('ftyp')
const ID3 = ascii('ID3')
const AMR = ascii('#!AMR')
const PDF = ascii('%PDF-')

// ISO BMFF is also the container of HEIC/AVIF still images: those are not videos and not on our
// list, so they must not fall through to "video/mp4".
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis'])

function isoBmffType(bytes: Uint8Array): EvidenceMime | null {
  if (!startsWith(bytes, FTYP, 4) || bytes.length < 12) return null
  const brand = String.fromCharCode(...bytes.subarray(8, 12))
  if (brand === 'qt  ') return 'video/quicktime'
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4'
  if (IMAGE_BRANDS.has(brand)) return null
  return 'video/mp4'
}

// Both MP3 and AAC-in-ADTS frames open with an 11/12-bit run of ones; the two bits after the
// version tell them apart (layer 00 is ADTS, 01–11 are MPEG layers III–I).
function frameSyncType(bytes: Uint8Array): EvidenceMime | null {
  if (bytes.length < 3 || bytes[0] !== 0xff) return null
  const b1 = bytes[1]
  if ((b1 & 0xf6) === 0xf0) return 'audio/aac' // FF F0/F1/F8/F9: ADTS
  if ((b1 & 0xe0) !== 0xe0) return null
  const version = (b1 >> 3) & 0b11
  const layer = (b1 >> 1) & 0b11
  const bitrate = bytes[2] >> 4
  const sampleRate = (bytes[2] >> 2) & 0b11
  // reserved values mean it is not a frame header, just bytes that happen to start with FF Ex
  if (version === 0b01 || layer === 0b00 || bitrate === 0b1111 || sampleRate === 0b11) return null
  return 'audio/mpeg'
}

/** The evidence type these bytes really are, or null when they are none we accept. */
export function sniffMime(bytes: Uint8Array): EvidenceMime | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg'
  if (startsWith(bytes, PNG)) return 'image/png'
  if (startsWith(bytes, RIFF)) {
    if (startsWith(bytes, WEBP, 8)) return 'image/webp'
    if (startsWith(bytes, WAVE, 8)) return 'audio/wav'
    return null
  }
  if (startsWith(bytes, PDF)) return 'application/pdf'
  if (startsWith(bytes, AMR)) return 'audio/amr'
  if (startsWith(bytes, ID3)) return 'audio/mpeg'
  return isoBmffType(bytes) ?? frameSyncType(bytes)
}
