import fc from 'fast-check'
import { sniffMime } from '../../cloudfunctions/services/evidence/sniff-mime'

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p)))
const ftyp = (brand: string) => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], 'isom')

describe('sniffMime — the type from the first bytes', () => {
  it.each([
    ['a JPEG (FF D8 FF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a PNG signature', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['RIFF....WEBP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['RIFF....WAVE', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'audio/wav'],
    ['an ftyp box with brand isom', ftyp('isom'), 'video/mp4'],
    ['an ftyp box with brand mp42', ftyp('mp42'), 'video/mp4'],
    ['an ftyp box with brand qt', ftyp('qt  '), 'video/quicktime'],
    ['an ftyp box with brand M4A', ftyp('M4A '), 'audio/mp4'],
    ['an ftyp box with brand M4B', ftyp('M4B '), 'audio/mp4'],
    ['an ID3 tag', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['an MPEG-1 layer III frame (FF FB 90)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['an MPEG-2 layer III frame (FF F3)', bytes([0xff, 0xf3, 0x48, 0xc4]), 'audio/mpeg'],
    ['an MPEG-2.5 layer III frame (FF E3)', bytes([0xff, 0xe3, 0x18, 0xc4]), 'audio/mpeg'],
    ['an AAC ADTS frame (FF F1)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['an AAC ADTS frame (FF F9)', bytes([0xff, 0xf9, 0x50, 0x80]), 'audio/aac'],
    ['#!AMR', bytes('#!AMR\n', [0x3c]), 'audio/amr'],
    ['#!AMR-WB', bytes('#!AMR-WB\n'), 'audio/amr'],
    ['%PDF-', bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('when the bytes are %s, then the type is %s', (_label, input, expected) => {
    expect(sniffMime(input)).toBe(expected)
  })

  it.each([
    ['empty', bytes()],
    ['FF D8 only (a cut JPEG signature)', bytes([0xff, 0xd8])],
    ['a PNG signature missing its last byte', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a])],
    ['a PNG signature with one byte wrong', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ['RIFF....AVI (a video we do not take)', bytes('RIFF', [1, 2, 3, 4], 'AVI LIST')],
    ['RIFF with nothing after', bytes('RIFF', [1, 2, 3, 4])],
    ['WEBP at the wrong offset', bytes('RIFFWEBP', [1, 2, 3, 4])],
    ['ftyp at offset 0', bytes('ftypisom', [0, 0, 0, 0])],
    ['ftyp with no brand', bytes([0, 0, 0, 8], 'ftyp')],
    ['an iPhone HEIC photo (ftyp heic)', ftyp('heic')],
    ['an AVIF image (ftyp avif)', ftyp('avif')],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['#!AM (cut AMR magic)', bytes('#!AM')],
    ['%PDF without the dash', bytes('%PDF1.4')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a ZIP (also docx)', bytes('PK', [3, 4, 20, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['an SVG (script can hide in it)', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HTML', bytes('<!doctype html><script>')],
    ['ID (cut ID3)', bytes('ID')],
    ['FF E0 with the reserved layer 00', bytes([0xff, 0xe1, 0x90, 0x00])],
    ['FF Fx with the reserved bitrate 1111', bytes([0xff, 0xfb, 0xf0, 0x00])],
    ['FF Fx with the reserved sample rate 11', bytes([0xff, 0xfb, 0x9c, 0x00])],
    ['FF EB: the reserved MPEG version 01', bytes([0xff, 0xeb, 0x90, 0x00])],
    ['FF D8 FE (not a JPEG marker start)', bytes([0xff, 0xd8, 0xfe])],
    ['a lone FF', bytes([0xff])],
  ])('when the bytes are %s, then there is no type', (_label, input) => {
    expect(sniffMime(input)).toBeNull()
  })

  it('when the bytes are a view into a larger buffer, then only the view counts', () => {
    const backing = Buffer.from('xx%PDF-1.4')
    expect(sniffMime(backing.subarray(2))).toBe('application/pdf')
    expect(sniffMime(backing.subarray(0, 4))).toBeNull()
  })

  it('when random bytes are sniffed, then it never throws and answers a known type or null', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const type = sniffMime(input)
        expect(type === null || typeof type === 'string').toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  // Every accepted type opens with one of these; anything that opens with none of them is refused.
  const knownStart = (b: Uint8Array) => {
    const text = Buffer.from(b).toString('latin1')
    return (
      (b[0] === 0xff && b.length >= 2 && (b[1] >= 0xe0 || b[1] === 0xd8)) ||
      text.startsWith('\x89PNG') ||
      text.startsWith('RIFF') ||
      text.startsWith('ID3') ||
      text.startsWith('#!AMR') ||
      text.startsWith('%PDF-') ||
      text.slice(4, 8) === 'ftyp'
    )
  }

  it('when a buffer does not start with a known signature, then the answer is null', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }).filter((b) => !knownStart(b)),
        (input) => {
          expect(sniffMime(input)).toBeNull()
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('when random bytes follow a real signature, then the type does not depend on them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(sniffMime(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail]))).toBe('image/jpeg')
        expect(sniffMime(Buffer.concat([Buffer.from('%PDF-'), tail]))).toBe('application/pdf')
      }),
    )
  })
})
