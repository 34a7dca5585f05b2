import type { ColumnType, Kysely, Selectable } from 'kysely'
import { ExportFileRecordSchema, type ExportFileRecord } from '../../../src/domain/exports/export-file-record.schema'
import type { ExportFileStore } from '../../ports/export-file-store'
import type { Database } from './database'

// Migration 0033: the files cloud functions made for download (ports/export-file-store.ts).
type ExportFilesTable = { name: string; made_by: string; made_at: ColumnType<Date, string, string> }
type Tables = { export_files: ExportFilesTable }

const toRecord = (r: Selectable<ExportFilesTable>): ExportFileRecord =>
  ExportFileRecordSchema.parse({ name: r.name, madeBy: r.made_by, madeAt: new Date(r.made_at).toISOString() })

export function sqlExportFileStore(base: Kysely<Database>): ExportFileStore {
  const db = base.withTables<Tables>()
  return {
    async recordExportFile(r) {
      await db
        .insertInto('export_files')
        .values({ name: r.name, made_by: r.madeBy, made_at: r.madeAt })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
    },
    async getExportFile(name) {
      const row = await db.selectFrom('export_files').selectAll().where('name', '=', name).executeTakeFirst()
      return row ? toRecord(row) : null
    },
    async listExportFilesMadeBefore(before, limit) {
      const rows = await db
        .selectFrom('export_files')
        .selectAll()
        .where('made_at', '<', new Date(before))
        .orderBy('made_at')
        .orderBy('name')
        .limit(limit)
        .execute()
      return rows.map(toRecord)
    },
    async forgetExportFile(name) {
      await db.deleteFrom('export_files').where('name', '=', name).execute()
    },
  }
}
