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
    async uploadsSince(subject, since) {
      const row = await db
        .selectFrom('evidence')
        .select((eb) => [
          eb.fn.countAll<string>().as('count'),
          eb.fn.sum<string>('bytes').as('bytes'),
          eb.fn.min('created_at').as('oldest'),
        ])
        .where('uploaded_by', '=', subject)
        .where('created_at', '>=', new Date(since))
        .executeTakeFirstOrThrow()
      // pg answers count and sum as strings, and min as a Date or a string depending on the engine
      const oldest = row.oldest as unknown as Date | string | null
      return {
        count: Number(row.count),
        bytes: Number(row.bytes ?? 0),
        oldestAt: oldest === null ? null : new Date(oldest).toISOString(),
      }
    },
    async listUnclaimedEvidenceBefore(before, limit) {
      const rows = await db
        .selectFrom('evidence')
        .selectAll()
        .where('case_id', 'is', null)
        .where('created_at', '<', new Date(before))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toEvidence)
    },
    async deleteUnclaimedEvidence(id) {
      const result = await db.deleteFrom('evidence').where('id', '=', id).where('case_id', 'is', null).executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
