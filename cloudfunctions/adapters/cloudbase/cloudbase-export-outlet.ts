import type { ByteSink, OpenTableWriter, RenderPdf } from '../../ports/exports'
import type { ExportOutlet } from '../../ports/export-outlet'
import { openTableWriter } from '../exports/table-writers'
import { pdfFrame, ReportFontMissing } from '../exports/pdf-frame'
import { cloudbaseStorage, type CloudbaseStorageApi } from './cloudbase-storage'

// Exports made in a cloud function (docs/cloud-exports.md): written into memory with the host's own
// writers, uploaded to exports/<day>/<id>.<ext> in the environment's bucket, and opened through the
// storage service's temporary URL (getTempFileURL, maxAge = the link's lifetime), as evidence is. The
// bucket is private, so that URL is the only way in. The day in the path is what the clean-up goes by:
// a lifecycle rule on the exports/ prefix, or a sweep of past days' folders.
export const EXPORTS_FOLDER = 'exports/'
const NAME = /^\d{4}-\d{2}-\d{2}\/[a-z0-9][a-z0-9-]{7,80}\.(csv|xlsx|pdf)$/

function bufferSink(): ByteSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = []
  return { write: async (chunk) => void chunks.push(Uint8Array.from(chunk)), bytes: () => new Uint8Array(Buffer.concat(chunks)) }
}

export interface ExportWriters {
  openTable: OpenTableWriter
  renderPdf: RenderPdf
}

export function cloudbaseExportOutlet(
  app: CloudbaseStorageApi,
  writers: ExportWriters = { openTable: openTableWriter, renderPdf: pdfFrame() },
  log: (line: string) => void = (line) => console.error(line),
): ExportOutlet {
  const storage = cloudbaseStorage(app)
  // only names the core made, so nothing outside exports/ can be written or deleted through here
  const pathOf = (name: string) => {
    if (!NAME.test(name)) throw new Error('export outlet: refused a malformed name')
    return EXPORTS_FOLDER + name
  }
  return {
    async table(format, write) {
      const sink = bufferSink()
      await write(writers.openTable(format, sink))
      return sink.bytes()
    },

    async pdf(document) {
      const sink = bufferSink()
      try {
        await writers.renderPdf(document, sink)
      } catch (error) {
        if (!(error instanceof ReportFontMissing)) throw error
        log(error.message) // the operator's sentence, with the path looked at
        return 'font-missing'
      }
      return sink.bytes()
    },

    async publish(name, bytes, ttlMs) {
      const path = pathOf(name)
      await storage.upload(path, bytes)
      const fileId = await storage.fileIdOf(path)
      const url = (await storage.tempUrls([fileId], Math.max(1, Math.round(ttlMs / 1000)))).get(fileId)
      if (!url) throw new Error('export outlet: storage gave no link for the file just uploaded')
      return url
    },

    discard: async (name) => storage.remove(await storage.fileIdOf(pathOf(name))),
  }
}
