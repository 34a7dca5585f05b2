import { z } from 'zod'
import type { AccessLogStore } from '../../ports/store'
import type { StoreInspection } from '../../ports/store-inspection'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { parseDoc, readAll } from './doc-reads'

// Who opened a case's personal data: access_log/{entry id} = the entry's fields, `at` in fixed-width
// UTC. Append-only. Index (cloudbase-resources.ts): access_log: caseId, at, _id (listAccessOfCase).

const AccessEntrySchema = z.object({
  id: z.string().min(1),
  caseId: z.string().min(1),
  viewer: z.object({ role: z.string(), id: z.string() }),
  purpose: z.string(),
  at: z.iso.datetime({ offset: true }),
})

export function cloudbaseAccessLogStore(db: DocDb): AccessLogStore & Pick<StoreInspection, 'listAccessOfCase'> {
  const log = () => db.collection(COLLECTIONS.accessLog)
  return {
    async recordAccess(e) {
      ok(
        await log().add({
          _id: e.id,
          caseId: e.caseId,
          viewer: { role: e.viewer.role, id: e.viewer.id },
          purpose: e.purpose,
          at: utc(e.at),
        }),
      )
    },
    async listAccessOfCase(caseId) {
      const docs = await readAll(log().where({ caseId }).orderBy('at', 'asc').orderBy('_id', 'asc'))
      return docs.map((doc) => parseDoc(AccessEntrySchema, doc))
    },
  }
}
