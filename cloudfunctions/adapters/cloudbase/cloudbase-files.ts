import type { Deps } from '../../services/context'
import { cloudbaseFileLinks } from './cloudbase-file-links'
import { cloudbaseFileStore } from './cloudbase-file-store'
import { cloudbaseStorage, type CloudbaseStorageApi } from './cloudbase-storage'
import { cloudbaseUploadedObjects } from './cloudbase-uploaded-objects'

/** Everything file-shaped a cloud function needs, over one CloudBase app (one bucket probe). */
export function cloudbaseFiles(app: CloudbaseStorageApi): Pick<Deps, 'files' | 'uploads' | 'fileLinks'> {
  const storage = cloudbaseStorage(app)
  return { files: cloudbaseFileStore(storage), uploads: cloudbaseUploadedObjects(storage), fileLinks: cloudbaseFileLinks(storage) }
}
