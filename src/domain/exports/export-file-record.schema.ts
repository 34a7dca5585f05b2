import { z } from 'zod'
import { ExportNameSchema } from './export-api'

// A file a cloud function made for download (docs/cloud-exports.md, "Old files"): its name in storage,
// who asked for it and when. Kept so that the maker alone may discard it early, and so that the tick can
// delete what no phone discarded — storage itself cannot be listed from a function.
export const ExportFileRecordSchema = z.object({
  name: ExportNameSchema,
  /** the maker: "staff:<staffId>" (only staff make exports) */
  madeBy: z.string().min(1).max(200),
  madeAt: z.iso.datetime({ offset: true }),
})
export type ExportFileRecord = z.infer<typeof ExportFileRecordSchema>

/** How long a made file may stay in storage before the tick deletes it: its link lasts minutes, this is the margin. */
export const EXPORT_FILE_KEEP_MS = 24 * 3600_000
