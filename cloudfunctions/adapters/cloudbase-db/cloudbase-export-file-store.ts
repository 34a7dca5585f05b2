import { ExportFileRecordSchema, type ExportFileRecord } from '../../../src/domain/exports/export-file-record.schema'
import type { ExportFileStore } from '../../ports/export-file-store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { readDoc, readPage, type Doc } from './doc-reads'

// The files cloud functions made for download, as SQL migration 0033: export_files/{name}. A name is
// "<day>/<id>.<ext>"; a document _id may not hold '/', so it is stored with ':' (the name's own
// characters are [0-9a-z.-], so the mapping is one to one) and the name itself is kept as a field.
const idOf = (name: string) => name.replace('/', ':')

const toRecord = (d: Doc): ExportFileRecord => ExportFileRecordSchema.parse({ name: d.name, madeBy: d.madeBy, madeAt: d.madeAt })

export function cloudbaseExportFileStore(db: DocDb): ExportFileStore {
  const col = () => db.collection(COLLECTIONS.exportFiles)
  const _ = db.command
  return {
    async recordExportFile(r) {
      try {
        ok(await col().add({ _id: idOf(r.name), name: r.name, madeBy: r.madeBy, madeAt: utc(r.madeAt) }))
      } catch (err) {
        if (!isDuplicate(err)) throw err // recorded already: the first record stands
      }
    },
    async getExportFile(name) {
      const doc = await readDoc(col().doc(idOf(name)))
      return doc ? toRecord(doc) : null
    },
    async listExportFilesMadeBefore(before, limit) {
      const docs = await readPage(
        col()
          .where({ madeAt: _.lt(utc(before)) })
          .orderBy('madeAt', 'asc')
          .orderBy('_id', 'asc'),
        limit,
      )
      return docs.map(toRecord)
    },
    async forgetExportFile(name) {
      ok(await col().doc(idOf(name)).remove())
    },
  }
}
