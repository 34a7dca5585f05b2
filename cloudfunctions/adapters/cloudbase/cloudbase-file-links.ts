import type { FileLinks } from '../../ports/file-links'
import { checkedKey } from '../files/storage-key'
import { EVIDENCE_FOLDER } from './cloudbase-file-store'
import type { CloudbaseStorage } from './cloudbase-storage'

// In CloudBase there is no host to serve /files/<token>: a viewer gets the storage service's own
// temporary URL (getTempFileURL with maxAge = the link's lifetime), one batched request per case page.
// A private bucket makes these URLs the only way in; they expire on their own and are never stored.
export function cloudbaseFileLinks(storage: CloudbaseStorage): FileLinks {
  return {
    async urlsFor(evidence, _now, ttlMs) {
      const fileIds = await Promise.all(evidence.map((e) => storage.fileIdOf(EVIDENCE_FOLDER + checkedKey(e.storageKey))))
      const urls = await storage.tempUrls(fileIds, Math.max(1, Math.round(ttlMs / 1000)))
      return new Map(
        evidence.flatMap((e, i) => {
          const url = urls.get(fileIds[i])
          return url ? [[e.id, url] as const] : []
        }),
      )
    },
  }
}
