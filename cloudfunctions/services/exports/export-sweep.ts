import { EXPORT_FILE_KEEP_MS } from '../../../src/domain/exports/export-file-record.schema'
import type { Deps } from '../context'

// The files made for download that no phone discarded (a download cut off half-way, a link never
// opened) are deleted by the tick once they are a day old (docs/cloud-exports.md, "Old files"): a cloud
// function cannot list storage, so it goes by the records the station function wrote. Where there is no
// bin (the local host streams and stores no file) there is nothing to sweep.

/** Files one pass deletes at most: the clock function's minute has other work; the rest waits a minute. */
export const SWEEP_MAX_FILES = 50

/** Deletes the recorded files older than EXPORT_FILE_KEEP_MS; answers how many. A storage failure stops the pass (the rest waits). */
export async function sweepExportFiles(deps: Deps, now: Date, max = SWEEP_MAX_FILES): Promise<number> {
  const bin = deps.exportBin
  if (!bin) return 0
  const old = await deps.store.listExportFilesMadeBefore(new Date(now.getTime() - EXPORT_FILE_KEEP_MS).toISOString(), max)
  for (const file of old) {
    await bin.discard(file.name) // the file first: a record forgotten before its file would leave the file for ever
    await deps.store.forgetExportFile(file.name)
  }
  return old.length
}
