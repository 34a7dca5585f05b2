import type { Kysely } from 'kysely'
import type { AccessLogStore } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import type { Database } from './database'

export function sqlAccessLogStore(db: Kysely<Database>): AccessLogStore & Pick<StoreInspection, 'listAccessOfCase'> {
  return {
    async recordAccess(e) {
      await db
        .insertInto('access_log')
        .values({ id: e.id, case_id: e.caseId, viewer_role: e.viewer.role, viewer_id: e.viewer.id, purpose: e.purpose, at: e.at })
        .execute()
    },
    async listAccessOfCase(caseId) {
      const rows = await db.selectFrom('access_log').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute()
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        viewer: { role: r.viewer_role, id: r.viewer_id },
        purpose: r.purpose,
        at: new Date(r.at).toISOString(),
      }))
    },
  }
}
