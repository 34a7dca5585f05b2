import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { acceptEvidence } from '../../cloudfunctions/services/evidence/accept-evidence'
import { mp4DurationSeconds } from '../../cloudfunctions/services/evidence/mp4-duration'
import { sniffMime } from '../../cloudfunctions/services/evidence/sniff-mime'
import { stripMpegTags, stripWavChunks } from '../../cloudfunctions/services/evidence/strip-audio-tags'
import { stripMovieMetadata } from '../../cloudfunctions/services/evidence/strip-movie-metadata'
import type { EvidenceKind } from '../../src/domain/evidence.schema'
import { contextOf, memoryDeps } from './support/evidence-deps'
import { box, ftyp, movie, phoneLikeMovie } from './support/mp4-boxes'

// Location out of every file (issue 12): videos and recordings are stored without the metadata a
// phone or a recorder app writes into them, and still play (same sample offsets, same duration).

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/media', name)))
const has = (bytes: Uint8Array, needle: string) => Buffer.from(bytes).includes(Buffer.from(needle, 'utf8'))
/** Every way the test files spell the position, so that no trace of it may be left. */
const COORDINATES = ['31.2304', '121.4737', '31,13.824N', '121,28.422E']
const coordinatesIn = (bytes: Uint8Array) => COORDINATES.filter((c) => has(bytes, c))

describe('location out of every file', () => {
  let deps: ReturnType<typeof memoryDeps>
  beforeEach(() => {
    deps = memoryDeps()
  })
  const accept = async (kind: EvidenceKind, bytes: Uint8Array) => {
    const result = await acceptEvidence(contextOf(deps), { kind, fileName: 'x', bytes })
    if (!result.ok) throw new Error(result.error.code)
    return { view: result.data, stored: deps.files.files.get(deps.store.evidence.get(result.data.id)!.storageKey)! }
  }

  it('when a phone-like MP4 carries its location in udta/©xyz, Apple keys, track boxes and XMP, then the stored bytes hold none of it and still play the same', async () => {
    const { bytes, offset, sample } = phoneLikeMovie({ seconds: 12 })
    expect(coordinatesIn(bytes)).toEqual(COORDINATES) // the input really carries it, four ways
    const { stored, view } = await accept('video', bytes)
    expect(coordinatesIn(stored)).toEqual([])
    expect(has(stored, 'iPhone 15 Pro')).toBe(false)
    expect(stored.length).toBe(bytes.length) // boxes blanked in place, none removed
    expect(view.mime).toBe('video/mp4')
    expect(sniffMime(stored)).toBe('video/mp4')
    expect(mp4DurationSeconds(stored)).toBe(12)
    expect(Buffer.from(stored.subarray(offset, offset + sample.length)).equals(Buffer.from(sample))).toBe(true) // stco still hits
  })

  it('when a phone-like MP4 is longer than a minute, then the duration check still refuses it', async () => {
    const result = await acceptEvidence(contextOf(deps), { kind: 'video', fileName: 'x', bytes: phoneLikeMovie({ seconds: 75 }).bytes })
    expect(result).toMatchObject({ ok: false, error: { code: 'VIDEO_TOO_LONG' } })
  })

  it.each([
    ['a QuickTime movie with ©xyz, make and model (encoded by ffmpeg)', 'phone-xyz.mov', 'video', 'video/quicktime'],
    ['an MP4 with a location key in moov/udta/meta (encoded by ffmpeg)', 'phone-keys.mp4', 'video', 'video/mp4'],
  ] as const)('when %s is uploaded, then the stored copy has no coordinates and the same duration', async (_label, file, kind, mime) => {
    const input = fixture(file)
    expect(has(input, '+31.2304+121.4737')).toBe(true)
    const { stored, view } = await accept(kind, input)
    expect(view.mime).toBe(mime)
    expect(coordinatesIn(stored)).toEqual([])
    expect(has(stored, 'iPhone')).toBe(false)
    expect(stored.length).toBe(input.length)
    expect(mp4DurationSeconds(stored)).toBe(mp4DurationSeconds(input))
  })

  it('when an M4A recording carries tags in udta/meta, then they are blanked like a video', async () => {
    const input = phoneLikeMovie({ brand: 'M4A ' }).bytes
    const { stored, view } = await accept('audio', input)
    expect(view.mime).toBe('audio/mp4')
    expect(coordinatesIn(stored)).toEqual([])
  })

  it('when a movie has no metadata, then it is stored byte for byte', () => {
    const clip = movie({ seconds: 30, tracks: [30] })
    expect(Buffer.from(stripMovieMetadata(clip)!).equals(Buffer.from(clip))).toBe(true)
  })

  it('when a box inside moov claims more than its parent holds, then the file is refused: we cannot say what it carries', async () => {
    const broken = new Uint8Array(
      Buffer.concat([ftyp('M4A '), box('moov', box('udta', new Uint8Array(8))), box('mdat', new Uint8Array(8))]),
    )
    new DataView(broken.buffer).setUint32(ftyp('M4A ').length + 8, 4000) // udta's size, far past moov's end
    expect(stripMovieMetadata(broken)).toBeNull()
    const result = await acceptEvidence(contextOf(deps), { kind: 'audio', fileName: 'x', bytes: broken })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE_TYPE' } })
  })

  it('when a recording stops mid-mdat (the last box claims more than the file holds), then it is still taken, its metadata blanked', () => {
    const { bytes } = phoneLikeMovie()
    const cut = bytes.subarray(0, bytes.length - 150) // into mdat: the trailing uuid and part of mdat are gone
    const stored = stripMovieMetadata(cut)
    expect(stored).not.toBeNull()
    expect(coordinatesIn(stored!)).toEqual([])
  })

  it('when an MP3 carries ID3v2 and ID3v1 tags (encoded by ffmpeg), then both are cut and the frames are left', async () => {
    const input = fixture('recording-tags.mp3')
    expect(coordinatesIn(input)).toEqual(['31.2304', '121.4737'])
    const { stored, view } = await accept('audio', input)
    expect(view.mime).toBe('audio/mpeg')
    expect(coordinatesIn(stored)).toEqual([])
    expect([stored[0], stored[1] & 0xe0]).toEqual([0xff, 0xe0]) // it opens on a frame header now
    expect(has(stored.subarray(stored.length - 128), 'TAG')).toBe(false)
    expect(sniffMime(stored)).toBe('audio/mpeg')
  })

  it('when an MP3 ends with an APEv2 tag and an appended ID3v2 tag, then they are cut too', () => {
    const frames = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...new Array(60).fill(0x55)])
    const items = Buffer.from('GPS\0+31.2304+121.4737/')
    const apeFooter = Buffer.alloc(32)
    apeFooter.write('APETAGEX', 0, 'latin1')
    apeFooter.writeUInt32LE(2000, 8)
    apeFooter.writeUInt32LE(items.length + 32, 12)
    const id3Body = Buffer.from('TXXX+31.2304+121.4737')
    const id3Head = Buffer.from([...Buffer.from('ID3'), 4, 0, 0x10, 0, 0, 0, id3Body.length])
    const id3Foot = Buffer.from([...Buffer.from('3DI'), 4, 0, 0x10, 0, 0, 0, id3Body.length])
    const input = new Uint8Array(Buffer.concat([frames, items, apeFooter, id3Head, id3Body, id3Foot]))
    const stored = stripMpegTags(input)!
    expect(Buffer.from(stored).equals(frames)).toBe(true)
  })

  it('when an MP3 tag claims more bytes than the file has, then nothing is left and it is refused', () => {
    expect(stripMpegTags(new Uint8Array([...Buffer.from('ID3'), 3, 0, 0, 0, 0, 0x7f, 0x7f, 0xff, 0xff]))).toBeNull()
  })

  it('when a WAV carries LIST/INFO (encoded by ffmpeg), then only fmt and data are kept, with the RIFF size right', async () => {
    const input = fixture('recording-info.wav')
    expect(has(input, '王芳') && has(input, '31.2304')).toBe(true)
    const { stored } = await accept('audio', input)
    expect(coordinatesIn(stored)).toEqual([])
    expect(has(stored, '王芳') || has(stored, 'LIST')).toBe(false)
    const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength)
    expect(view.getUint32(4, true)).toBe(stored.length - 8)
    const dataAt = (b: Uint8Array) => Buffer.from(b).indexOf('data')
    const samples = (b: Uint8Array) => Buffer.from(b.subarray(dataAt(b) + 8, dataAt(b) + 8 + Buffer.from(b).readUInt32LE(dataAt(b) + 4)))
    expect(samples(stored).equals(samples(input))).toBe(true)
    expect(sniffMime(stored)).toBe('audio/wav')
  })

  it('when a streaming recorder left the data size at 0 and put an id3 chunk first, then the rest of the file is the data', () => {
    const chunk = (id: string, body: Buffer, size = body.length) => {
      const head = Buffer.alloc(8)
      head.write(id, 0, 'latin1')
      head.writeUInt32LE(size, 4)
      return Buffer.concat([head, body, Buffer.alloc(body.length & 1)])
    }
    const fmt = chunk('fmt ', Buffer.from([1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0]))
    const pcm = Buffer.alloc(100, 7)
    const body = Buffer.concat([Buffer.from('WAVE'), chunk('id3 ', Buffer.from('ID3 +31.2304+121.4737')), fmt, chunk('data', pcm, 0)])
    const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), body])
    const stored = stripWavChunks(new Uint8Array(riff))!
    expect(coordinatesIn(stored)).toEqual([])
    expect(Buffer.from(stored)).toEqual(
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([4 + 24 + 8 + 100, 0, 0, 0]), Buffer.from('WAVE'), fmt, chunk('data', pcm)]),
    )
  })

  it('when a WAV has no fmt chunk, then it is refused', () => {
    expect(stripWavChunks(new Uint8Array(Buffer.from('RIFF\0\0\0\0WAVEdata\x04\0\0\0abcd', 'latin1')))).toBeNull()
  })
})
