import type { ByteSink, OpenTableWriter, RenderPdf } from '../../ports/exports'
import type { ExportOutlet } from '../../ports/export-outlet'
import { openTableWriter } from '../exports/table-writers'
import { pdfFrame, ReportFontMissing } from '../exports/pdf-frame'
import { cloudbaseExportBin, exportPathOf } from './cloudbase-export-bin'
import { cloudbaseStorage, type CloudbaseStorageApi } from './cloudbase-storage'

// Exports made in a cloud function (docs/cloud-exports.md): written into memory with the host's own
// writers, uploaded to exports/<day>/<id>.<ext> in the environment's bucket, and opened through the
// storage service's temporary URL (getTempFileURL, maxAge = the link's lifetime), as evidence is. The
// bucket is private, so that URL is the only way in. The day in the path is what the clean-up goes by:
// a lifecycle rule on the exports/ prefix, or a sweep of past days' folders; the tick also deletes every
// recorded file after a day (services/exports/export-sweep.ts).

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
  const pathOf = exportPathOf
  return {
    ...cloudbaseExportBin(app),
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
  }
}
