import type { ReportDocument } from '../../src/domain/reports/report-document'
import type { TableFormat, TableWriter } from './exports'

// Where a cloud function leaves a file it made (docs/cloud-exports.md). The local host streams its
// downloads over HTTP (host/export-routes.ts); a cloud function cannot, so it makes the file whole in
// memory (the caller caps its size), puts it into storage and hands out a short-lived link. Only the
// CloudBase composition has an outlet; elsewhere Deps.exportOutlet is absent and the actions say so.

/**
 * Where made files are deleted from. Apart from the outlet because every cloud function has one (the
 * clock's daily sweep deletes what no phone discarded) while only the station's bundle carries the writers.
 */
export interface ExportBin {
  /** delete the file published under `name`; a file already gone is fine */
  discard(name: string): Promise<void>
}

export interface ExportOutlet extends ExportBin {
  /** the bytes of a table file, written by `write` through the format's writer (which `write` must end) */
  table(format: TableFormat, write: (writer: TableWriter) => Promise<unknown>): Promise<Uint8Array>
  /** the report as PDF; 'font-missing' when this deployment has no Chinese font (the adapter logs where it looked) */
  pdf(document: ReportDocument): Promise<Uint8Array | 'font-missing'>
  /**
   * Keep the bytes under `name` ("<day>/<id>.<ext>", made by the core) and answer a link that opens them
   * for `ttlMs`. The file is deleted later by the storage's own clean-up, not by the link's expiry.
   */
  publish(name: string, bytes: Uint8Array, ttlMs: number): Promise<string>
}
