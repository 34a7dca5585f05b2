import { mp4DurationSeconds } from '../../cloudfunctions/services/evidence/mp4-duration'
import { box, ftyp, largeBox, movie, timeHeader } from './support/mp4-boxes'

describe('mp4DurationSeconds — length from moov/mvhd without decoding', () => {
  it('when mvhd is version 0, then the duration is duration / timescale', () => {
    expect(mp4DurationSeconds(movie({ seconds: 12.5, timescale: 600 }))).toBe(12.5)
  })

  it('when mvhd is version 1 (64-bit times), then it is read too', () => {
    expect(mp4DurationSeconds(movie({ seconds: 75, version: 1, timescale: 90000 }))).toBe(75)
  })

  it('when moov comes after mdat (no fast start), then it is still found', () => {
    expect(mp4DurationSeconds(movie({ seconds: 30, moovLast: true }))).toBe(30)
  })

  it('when mdat has a 64-bit size, then the walk steps over it', () => {
    const file = Buffer.concat([ftyp(), largeBox('mdat', new Uint8Array(40)), box('moov', timeHeader('mvhd', 0, 1000, 42_000n))])
    expect(mp4DurationSeconds(file)).toBe(42)
  })

  it('when a track lasts longer than mvhd says, then the longer length counts', () => {
    expect(mp4DurationSeconds(movie({ seconds: 10, tracks: [9.5, 120] }))).toBe(120)
  })

  it('when tracks are shorter than the movie, then the movie length counts', () => {
    expect(mp4DurationSeconds(movie({ seconds: 59, tracks: [58.9, 59] }))).toBe(59)
  })

  it.each([
    ['there is no moov', Buffer.concat([ftyp(), box('mdat', new Uint8Array(16))])],
    ['moov has no mvhd', Buffer.concat([ftyp(), box('moov', box('trak'))])],
    ['the timescale is 0', Buffer.concat([ftyp(), box('moov', timeHeader('mvhd', 0, 0, 1000n))])],
    ['the duration is "unknown" (all ones)', Buffer.concat([ftyp(), box('moov', timeHeader('mvhd', 0, 1000, 0xffffffffn))])],
    ['mvhd has an unknown version', Buffer.concat([ftyp(), box('moov', box('mvhd', new Uint8Array([2, ...new Uint8Array(99)])))])],
    ['mvhd is cut short', Buffer.concat([ftyp(), box('moov', box('mvhd', new Uint8Array(10)))])],
    ['the file is fragmented (mvex in moov)', Buffer.concat([ftyp(), box('moov', timeHeader('mvhd', 0, 1000, 0n), box('mvex'))])],
    [
      'the file is fragmented (a moof box)',
      Buffer.concat([ftyp(), box('moov', timeHeader('mvhd', 0, 1000, 5000n)), box('moof'), box('mdat')]),
    ],
    [
      'a box claims more bytes than there are',
      (() => {
        const f = movie({ seconds: 5 })
        new DataView(f.buffer, f.byteOffset).setUint32(0, 1e6)
        return f
      })(),
    ],
    ['a box claims a size smaller than its header', Buffer.from([0, 0, 0, 4, 0x6d, 0x6f, 0x6f, 0x76])],
    ['the file is empty', new Uint8Array(0)],
    ['the bytes are not MP4 at all', Buffer.from('%PDF-1.4 hello')],
  ])('when %s, then the answer is null', (_label, file) => {
    expect(mp4DurationSeconds(file)).toBeNull()
  })

  it('when a track header is unreadable, then the answer is null rather than the mvhd length', () => {
    const badTrack = box('trak', box('mdia', box('mdhd', new Uint8Array(8))))
    expect(mp4DurationSeconds(Buffer.concat([ftyp(), box('moov', timeHeader('mvhd', 0, 1000, 5000n), badTrack)]))).toBeNull()
  })

  it('when the bytes are a view into a larger buffer, then offsets are taken from the view', () => {
    const file = movie({ seconds: 8 })
    const backing = Buffer.concat([Buffer.from('garbage!'), file])
    expect(mp4DurationSeconds(backing.subarray(8))).toBe(8)
  })
})
