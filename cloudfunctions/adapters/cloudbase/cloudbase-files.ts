import type { FileLinks } from '../../ports/file-links'
import type { FileStore } from '../../ports/files'
import type { UploadedObjects } from '../../ports/uploaded-objects'
import { cloudbaseFileLinks } from './cloudbase-file-links'
import { cloudbaseFileStore } from './cloudbase-file-store'
import { cloudbaseStorage, type CloudbaseStorageApi } from './cloudbase-storage'
import { cloudbaseUploadedObjects } from './cloudbase-uploaded-objects'

/** Everything file-shaped a cloud function needs, over one CloudBase app (one bucket probe). */
export function cloudbaseFiles(app: CloudbaseStorageApi): { files: FileStore; uploads: UploadedObjects; fileLinks: FileLinks } {
  const storage = cloudbaseStorage(app)
  return { files: cloudbaseFileStore(storage), uploads: cloudbaseUploadedObjects(storage), fileLinks: cloudbaseFileLinks(storage) }
}
