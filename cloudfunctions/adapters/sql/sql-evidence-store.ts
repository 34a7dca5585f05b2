import type { Kysely } from 'kysely'
import type { EvidenceStore } from '../../ports/store'
import type { Database } from './database'
import { toEvidence } from './row-mappers'

export function sqlEvidenceStore(db: Kysely<Database>): EvidenceStore {
  return {
    async saveEvidence(e) {
      await db
        .insertInto('evidence')
        .values({
          id: e.id,
          case_id: e.caseId,
          uploaded_by: e.uploadedBy,
          kind: e.kind,
          mime: e.mime,
          bytes: e.bytes,
          sha256: e.sha256,
          storage_key: e.storageKey,
          display_name: e.displayName,
          created_at: e.createdAt,
        })
        .execute()
    },
    async getEvidence(id) {
      const row = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toEvidence(row) : null
    },
    async listEvidenceOfCase(caseId) {
      const rows = await db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute()
      return rows.map(toEvidence)
    },
  }
}
