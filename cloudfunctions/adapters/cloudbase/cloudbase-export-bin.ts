import type { ExportBin } from '../../ports/export-outlet'
import { cloudbaseStorage, type CloudbaseStorageApi } from './cloudbase-storage'

// Where made exports live in the environment's bucket, and how they go (docs/cloud-exports.md). Kept
// apart from the outlet (which carries exceljs and pdfkit) so that the clock function, which sweeps old
// files, can delete them without the writers in its bundle.
export const EXPORTS_FOLDER = 'exports/'
const NAME = /^\d{4}-\d{2}-\d{2}\/[a-z0-9][a-z0-9-]{7,80}\.(csv|xlsx|pdf)$/

/** The file's path in storage; only names the core made, so nothing outside exports/ is ever written or deleted. */
export function exportPathOf(name: string): string {
  if (!NAME.test(name)) throw new Error('export outlet: refused a malformed name')
  return EXPORTS_FOLDER + name
}

export function cloudbaseExportBin(app: CloudbaseStorageApi): ExportBin {
  const storage = cloudbaseStorage(app)
  return { discard: async (name) => storage.remove(await storage.fileIdOf(exportPathOf(name))) }
}
