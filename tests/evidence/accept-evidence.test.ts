import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { EVIDENCE_RULES, type EvidenceKind } from '../../src/domain/evidence.schema'
import { acceptEvidence, cleanDisplayName } from '../../cloudfunctions/services/evidence/accept-evidence'
import { sniffMime } from '../../cloudfunctions/services/evidence/sniff-mime'
import { contextOf, memoryDeps, NOW, SUBJECT } from './support/evidence-deps'
import { gpsOf, jpegWithGps, metadataOf, minimalPdf, pngClaiming, solidImage } from './support/images'
import { box, ftyp, movie } from './support/mp4-boxes'

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const errorCode = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code)

describe('acceptEvidence — taking in one file', () => {
  let deps: ReturnType<typeof memoryDeps>
  beforeEach(() => {
    deps = memoryDeps()
  })
  const accept = (kind: EvidenceKind, bytes: Uint8Array, fileName = 'x') => acceptEvidence(contextOf(deps), { kind, fileName, bytes })
  const storedOf = (id: string) => deps.files.files.get(deps.store.evidence.get(id)!.storageKey)!

  it('when nobody is calling (no subject), then UNAUTHENTICATED and nothing is stored', async () => {
    const result = await acceptEvidence(contextOf(deps, null), { kind: 'receipt', fileName: 'a.pdf', bytes: minimalPdf() })
    expect(errorCode(result)).toBe('UNAUTHENTICATED')
    expect(deps.files.files.size + deps.store.evidence.size).toBe(0)
  })

  it('when a photo carries GPS, then the stored copy carries no metadata at all, and the view describes the stored bytes', async () => {
    const input = await jpegWithGps()
    expect(await gpsOf(input)).toEqual({ latitude: 30.25, longitude: expect.closeTo(120.1667, 3) }) // the input really has it
    const result = await accept('photo', input, 'IMG_0001.JPG')
    if (!result.ok) throw new Error(result.error.code)
    const stored = storedOf(result.data.id)
    expect(await gpsOf(stored)).toBeNull()
    expect(await metadataOf(stored)).toBeNull()
    expect(sniffMime(stored)).toBe('image/jpeg')
    expect(result.data).toEqual({
      id: 'ev-1',
      kind: 'photo',
      mime: 'image/jpeg',
      bytes: stored.length,
      sha256: sha256(stored),
      displayName: 'IMG_0001.JPG',
      url: null,
    })
    expect(deps.store.evidence.get('ev-1')).toEqual({
      ...result.data,
      url: undefined,
      caseId: null,
      uploadedBy: SUBJECT,
      storageKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      createdAt: NOW.toISOString(),
    })
  })

  it('when a photo is tagged to be shown turned (EXIF orientation 6), then the stored pixels are upright and the tag is gone', async () => {
    const result = await accept('photo', await jpegWithGps({ width: 64, height: 32, orientation: 6 }))
    if (!result.ok) throw new Error(result.error.code)
    const meta = await sharp(storedOf(result.data.id)).metadata()
    expect([meta.width, meta.height, meta.orientation]).toEqual([32, 64, undefined])
  })

  it.each(['png', 'webp'] as const)('when a %s photo is sent, then it is stored re-encoded in the same format', async (format) => {
    const result = await accept('photo', await solidImage(format))
    if (!result.ok) throw new Error(result.error.code)
    expect(sniffMime(storedOf(result.data.id))).toBe(`image/${format}`)
    expect(result.data.mime).toBe(`image/${format}`)
  })

  it('when a tiny PNG claims 20000 × 20000 pixels (a decompression bomb), then UNSUPPORTED_FILE_TYPE', async () => {
    const bomb = pngClaiming(20_000, 20_000)
    expect(bomb.length).toBeLessThan(2000)
    expect(errorCode(await accept('photo', bomb))).toBe('UNSUPPORTED_FILE_TYPE')
    expect(deps.files.files.size).toBe(0)
  })

  it('when a JPEG is garbage after its signature, or cut in half, then UNSUPPORTED_FILE_TYPE', async () => {
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a photo'.repeat(20))])
    expect(errorCode(await accept('photo', garbage))).toBe('UNSUPPORTED_FILE_TYPE')
    const real = await solidImage('jpeg', 256, 256)
    expect(errorCode(await accept('photo', real.subarray(0, Math.floor(real.length / 2))))).toBe('UNSUPPORTED_FILE_TYPE')
  })

  it.each([
    ['a PDF as a photo', 'photo', () => minimalPdf(), 'UNSUPPORTED_FILE_TYPE'],
    ['a JPEG as a video', 'video', () => solidImage('jpeg'), 'UNSUPPORTED_FILE_TYPE'],
    ['an MP4 as a recording', 'audio', () => movie({ seconds: 5 }), 'UNSUPPORTED_FILE_TYPE'],
    ['a shell script as a receipt', 'receipt', () => Buffer.from('#!/bin/sh\necho hi\n'), 'UNSUPPORTED_FILE_TYPE'],
    ['an empty file', 'photo', () => new Uint8Array(0), 'UNSUPPORTED_FILE_TYPE'],
    ['a JPEG as a receipt', 'receipt', () => solidImage('jpeg'), 'ok'],
    ['a PDF as a receipt', 'receipt', () => minimalPdf(), 'ok'],
    ['an M4A as a recording', 'audio', () => movie({ brand: 'M4A ', seconds: 300 }), 'ok'],
    ['an MP3 as a recording', 'audio', () => Buffer.concat([Buffer.from('ID3'), Buffer.alloc(100)]), 'ok'],
    ['an AMR as a recording', 'audio', () => Buffer.from('#!AMR\n\x3c\x00\x00'), 'ok'],
  ] as const)('when the upload is %s, then %s', async (_label, kind, make, expected) => {
    expect(errorCode(await accept(kind, await make()))).toBe(expected)
  })

  it.each(['photo', 'audio', 'receipt'] as const)("when a %s is one byte over its kind's cap, then FILE_TOO_LARGE", async (kind) => {
    const big = Buffer.alloc(EVIDENCE_RULES[kind].maxBytes + 1)
    big.set([0xff, 0xd8, 0xff])
    expect(await accept(kind, big)).toEqual({ ok: false, error: { code: 'FILE_TOO_LARGE', message: expect.any(String) } })
  })

  it('when a video lasts 30 s, then it is stored byte for byte', async () => {
    const clip = movie({ seconds: 30, tracks: [30, 29.98] })
    const result = await accept('video', clip, 'VID_1.mp4')
    if (!result.ok) throw new Error(result.error.code)
    expect(Buffer.from(storedOf(result.data.id)).equals(clip)).toBe(true)
    expect(result.data.sha256).toBe(sha256(clip))
  })

  it.each([
    ['60.5 s (rounding of a 60 s recording)', movie({ seconds: 60.5 }), 'ok'],
    ['a QuickTime clip of 45 s', movie({ brand: 'qt  ', seconds: 45 }), 'ok'],
    ['61.5 s', movie({ seconds: 61.5 }), 'VIDEO_TOO_LONG'],
    ['10 minutes (version 1 header)', movie({ seconds: 600, version: 1 }), 'VIDEO_TOO_LONG'],
    ['10 s in mvhd but a 2-minute track', movie({ seconds: 10, tracks: [120] }), 'VIDEO_TOO_LONG'],
    ['no readable length (no moov)', Buffer.concat([ftyp(), box('mdat', new Uint8Array(32))]), 'UNSUPPORTED_FILE_TYPE'],
  ])('when a video is %s, then %s', async (_label, clip, expected) => {
    expect(errorCode(await accept('video', clip))).toBe(expected)
  })

  it('when a video is too long, then the message says the 60-second limit', async () => {
    const result = await accept('video', movie({ seconds: 90 }))
    expect(result).toEqual({ ok: false, error: { code: 'VIDEO_TOO_LONG', message: '视频不能超过60秒' } })
  })

  it('when two uploads have the same name, then each gets its own random storage key, unrelated to the name', async () => {
    await accept('receipt', minimalPdf(), 'receipt.pdf')
    await accept('receipt', minimalPdf(), 'receipt.pdf')
    const keys = [...deps.store.evidence.values()].map((e) => e.storageKey)
    expect(new Set(keys).size).toBe(2)
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/)
  })

  it('when the database refuses the row, then the stored bytes are removed again and the error surfaces', async () => {
    deps.store.failNextSave = true
    await expect(accept('receipt', minimalPdf())).rejects.toThrow('database unavailable')
    expect(deps.files.files.size).toBe(0)
  })
})

describe('cleanDisplayName — the name people see', () => {
  it.each([
    ['发票.pdf', 'receipt', 'application/pdf', '发票.pdf'],
    ['../../x.jpg', 'photo', 'image/jpeg', 'x.jpg'],
    ['..\\..\\windows\\x.jpg', 'photo', 'image/jpeg', 'x.jpg'],
    ['C:\\Users\\me\\Desktop\\小票.PDF', 'receipt', 'application/pdf', '小票.PDF'],
    ['..', 'photo', 'image/jpeg', '照片.jpg'],
    ['', 'receipt', 'application/pdf', '票据.pdf'],
    ['/', 'video', 'video/mp4', '视频.mp4'],
    ['\u0000\u0007\n', 'audio', 'audio/mpeg', '录音.mp3'],
    ['a..b.jpg', 'photo', 'image/jpeg', 'a.b.jpg'],
    ['.bashrc', 'photo', 'image/jpeg', 'bashrc.jpg'],
    ['evil.jpg', 'receipt', 'application/pdf', 'evil.jpg.pdf'],
    ['evil.exe', 'photo', 'image/jpeg', 'evil.exe.jpg'],
    ['invoice\u202Efdp.exe', 'photo', 'image/jpeg', 'invoicefdp.exe.jpg'],
    ['line\r\nbreak.png', 'photo', 'image/png', 'linebreak.png'],
    ['  spaced   out  .mov', 'video', 'video/quicktime', 'spaced out .mov'],
    ['recording', 'audio', 'audio/amr', 'recording.amr'],
    ['收据\udfff\ud800\uffff.pdf', 'receipt', 'application/pdf', '收据.pdf'],
  ] as const)('when the name is %j, then it shows as %j', (raw, kind, mime, expected) => {
    expect(cleanDisplayName(raw, kind, mime)).toBe(expected)
  })

  it('when the name is very long, then it is cut to 80 characters keeping the extension, never inside a character', () => {
    const name = cleanDisplayName('长'.repeat(50) + '😀'.repeat(50) + '.jpeg', 'photo', 'image/jpeg')
    expect(Array.from(name)).toHaveLength(80)
    expect(name.endsWith('.jpeg')).toBe(true)
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/) // no lone high surrogate
  })
})
