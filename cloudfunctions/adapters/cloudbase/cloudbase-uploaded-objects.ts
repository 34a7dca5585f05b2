import { UPLOAD_PATH } from '../../../src/domain/api/contract'
import type { UploadedObjects } from '../../ports/uploaded-objects'
import type { CloudbaseStorage } from './cloudbase-storage'

// What the mini-program uploaded (Taro.cloud.uploadFile to uploads/<128 random bits>/file.<ext>).
// Only such paths in our own bucket are read or deleted: anything else — our evidence/ area, another
// environment's bucket — is "missing" and left alone, so registerUpload cannot be pointed at a
// stored file to copy it or have it deleted.
export function cloudbaseUploadedObjects(storage: CloudbaseStorage): UploadedObjects {
  const isUpload = async (fileId: string) => {
    const path = typeof fileId === 'string' ? await storage.pathOf(fileId) : null
    return path !== null && UPLOAD_PATH.test(path)
  }
  return {
    async fetch(fileId, maxBytes) {
      return (await isUpload(fileId)) ? storage.read(fileId, maxBytes) : { status: 'missing' }
    },
    async discard(fileId) {
      if (await isUpload(fileId)) await storage.remove(fileId)
    },
  }
}
