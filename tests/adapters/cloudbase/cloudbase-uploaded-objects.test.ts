import { cloudbaseStorage } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-storage'
import { cloudbaseUploadedObjects } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-uploaded-objects'
import { startCloudbaseLoopback, type CloudbaseLoopback } from '../../support/cloudbase-loopback'
import { sdkAppFor } from './sdk-app'

// What the phone uploaded: read with a cap, deleted on request — and nothing outside uploads/ is touched.
describe("cloudbaseUploadedObjects — the phone's uploads", () => {
  let loopback: CloudbaseLoopback
  let uploads: ReturnType<typeof cloudbaseUploadedObjects>
  const UPLOAD = `uploads/${'ab'.repeat(16)}/file.jpg`
  beforeAll(async () => {
    loopback = await startCloudbaseLoopback()
    uploads = cloudbaseUploadedObjects(cloudbaseStorage(sdkAppFor(loopback)))
  })
  afterAll(() => loopback.close())
  beforeEach(() => loopback.objects.clear())

  it('when the phone uploaded a file, then its bytes are read, and discard deletes it', async () => {
    const fileId = await loopback.uploadAsApp(UPLOAD, Uint8Array.from([1, 2, 3]))
    expect(await uploads.fetch(fileId, 100)).toEqual({ status: 'found', bytes: Uint8Array.from([1, 2, 3]) })
    await uploads.discard(fileId)
    expect(loopback.objects.has(UPLOAD)).toBe(false)
    expect(await uploads.fetch(fileId, 100)).toEqual({ status: 'missing' })
    await expect(uploads.discard(fileId)).resolves.toBeUndefined() // already gone: fine
  })

  it('when the upload is bigger than the cap, then it is not read to the end: too-large', async () => {
    const fileId = await loopback.uploadAsApp(UPLOAD, new Uint8Array(1001))
    expect(await uploads.fetch(fileId, 1000)).toEqual({ status: 'too-large' })
    expect(await uploads.fetch(fileId, 1001)).toMatchObject({ status: 'found' })
  })

  it.each([
    ['our stored evidence', (p: string) => `${p}evidence/0123456789abcdef`],
    ['another bucket', () => `cloud://other-env.6f74-other-env-1300000001/${UPLOAD}`],
    ['a path outside uploads/ that merely contains it', (p: string) => `${p}evidence/${UPLOAD}`],
    ['a traversal', (p: string) => `${p}uploads/../evidence/0123456789abcdef`],
  ])('when the fileId names %s, then it is "missing" and left where it is', async (_label, make) => {
    loopback.objects.set('evidence/0123456789abcdef', Buffer.from([7]))
    loopback.objects.set(`evidence/${UPLOAD}`, Buffer.from([7]))
    const fileId = make(loopback.prefix)
    expect(await uploads.fetch(fileId, 100)).toEqual({ status: 'missing' })
    await uploads.discard(fileId)
    expect([...loopback.objects.keys()].sort()).toEqual(['evidence/0123456789abcdef', `evidence/${UPLOAD}`])
  })
})
