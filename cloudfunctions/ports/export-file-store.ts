import type { ExportFileRecord } from '../../src/domain/exports/export-file-record.schema'

// The files cloud functions made for download and have not deleted yet (SQL migration 0033, CloudBase
// export_files). Written only where there is an export outlet (CloudBase); the local host streams and
// never records one, but every store keeps the same contract.
export interface ExportFileStore {
  /** a second record of the same name replaces nothing and is not an error */
  recordExportFile(record: ExportFileRecord): Promise<void>
  getExportFile(name: string): Promise<ExportFileRecord | null>
  /** made strictly before `before`, oldest first, at most `limit` */
  listExportFilesMadeBefore(before: string, limit: number): Promise<ExportFileRecord[]>
  /** a name not recorded is fine */
  forgetExportFile(name: string): Promise<void>
}
