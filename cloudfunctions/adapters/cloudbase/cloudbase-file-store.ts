import { CLOUD_STORAGE_KEY_PREFIX, MAX_EVIDENCE_BYTES } from '../../../src/domain/evidence.schema'
import type { FileStore } from '../../ports/files'
import { checkedKey } from '../files/storage-key'
import type { CloudbaseStorage } from './cloudbase-storage'

// Evidence bytes in CloudBase storage, each under evidence/<key>; the fileID is derived from the key,
// so nothing beyond the key needs storing. Viewers get only temporary URLs (cloudbase-file-links.ts),
// so the bucket must not be public-read (its default): the README gives the security rule — phones
// may create files and nobody may read through the client API; functions are admin and unaffected.
export const EVIDENCE_FOLDER = 'evidence/'

export function cloudbaseFileStore(storage: CloudbaseStorage): FileStore {
  const pathOf = (key: string) => EVIDENCE_FOLDER + checkedKey(key)
  return {
    keyPrefix: CLOUD_STORAGE_KEY_PREFIX, // a host sharing the database tells these files from its own
    put: async (key, bytes) => storage.upload(pathOf(key), bytes),

    async get(key) {
      const read = await storage.read(await storage.fileIdOf(pathOf(key)), MAX_EVIDENCE_BYTES)
      if (read.status === 'too-large') throw new Error('file store: a stored file is bigger than any upload may be')
      return read.status === 'found' ? read.bytes : null
    },

    remove: async (key) => storage.remove(await storage.fileIdOf(pathOf(key))),
  }
}
