import { cloudbaseFileStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-file-store'
import { cloudbaseStorage } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-storage'
import { startCloudbaseLoopback, type CloudbaseLoopback } from '../../support/cloudbase-loopback'
import { fileStoreContract } from '../../evidence/support/file-store.contract'
import { sdkAppFor } from './sdk-app'

// Evidence bytes in CloudBase storage: the real SDK against a loopback that speaks its wire format.
let loopback: CloudbaseLoopback
beforeAll(async () => {
  loopback = await startCloudbaseLoopback()
})
afterAll(() => loopback.close())

describe('cloudbaseFileStore — the FileStore contract', () => {
  fileStoreContract(() => {
    loopback.objects.clear()
    return cloudbaseFileStore(cloudbaseStorage(sdkAppFor(loopback)))
  })
})

describe('cloudbaseFileStore — on the wire', () => {
  beforeEach(() => {
    loopback.objects.clear()
    loopback.adminCalls.length = 0
  })

  it('when a file is put, then it lands under evidence/<key> in the bucket, through a signed PUT', async () => {
    const store = cloudbaseFileStore(cloudbaseStorage(sdkAppFor(loopback)))
    await store.put('0123456789abcdef', Uint8Array.from([9, 8, 7]))
    expect([...loopback.objects]).toEqual([['evidence/0123456789abcdef', Buffer.from([9, 8, 7])]])
    // the bucket prefix is learnt once (a signing probe that writes nothing), then each put signs its own path
    expect(loopback.adminCalls.map((c) => [c.action, c.body.path])).toEqual([
      ['storage.getUploadMetadata', 'evidence/.bucket-probe'],
      ['storage.getUploadMetadata', 'evidence/0123456789abcdef'],
    ])
    expect(loopback.adminCalls[0].body.envName).toBe(loopback.env)
  })

  it('when the same store is used again, then the bucket is not probed again', async () => {
    const store = cloudbaseFileStore(cloudbaseStorage(sdkAppFor(loopback)))
    await store.get('nothing-here-1')
    await store.get('nothing-here-2')
    expect(loopback.adminCalls.filter((c) => c.body.path === 'evidence/.bucket-probe')).toHaveLength(1)
  })

  it('when the storage service answers a coded error, then it surfaces as an error, never as "no such file"', async () => {
    const store = cloudbaseFileStore(cloudbaseStorage(sdkAppFor(loopback)))
    await store.put('0123456789abcdef', Uint8Array.from([1]))
    loopback.faults.set('storage.batchGetDownloadUrl', { code: 'SYS_ERR', message: 'system error' })
    await expect(store.get('0123456789abcdef')).rejects.toThrow()
    loopback.faults.set('storage.batchDeleteFile', { code: 'STORAGE_REQUEST_FAIL', message: 'storage request fail' })
    await expect(store.remove('0123456789abcdef')).rejects.toThrow()
    expect(loopback.objects.has('evidence/0123456789abcdef')).toBe(true)
  })

  it('when the bucket probe fails once, then the next call probes again and works', async () => {
    const store = cloudbaseFileStore(cloudbaseStorage(sdkAppFor(loopback)))
    loopback.faults.set('storage.getUploadMetadata', { code: 'SYS_ERR', message: 'system error' })
    await expect(store.get('0123456789abcdef')).rejects.toThrow()
    await store.put('0123456789abcdef', Uint8Array.from([5]))
    expect(await store.get('0123456789abcdef')).toEqual(Uint8Array.from([5]))
  })
})
