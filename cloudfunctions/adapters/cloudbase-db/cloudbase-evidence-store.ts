import { z } from 'zod'
import type { EvidenceStore } from '../../ports/store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { readAll, readDoc, readPage } from './doc-reads'
import { evidenceToDoc, toEvidence } from './evidence-docs'

// Uploaded files (documents: evidence-docs.ts). Indexes (cloudbase-resources.ts):
//   evidence: caseId, createdAt, _id          (listEvidenceOfCase; with caseId null: listUnclaimedEvidenceBefore)
//             uploadedBy, createdAt           (uploadsSince)
// A case claims files in its own transaction (the case store sets caseId); the cleanup deletes a
// file only while caseId is still null, in one conditional remove, so a claim that landed first wins.

/** What the tally's $group answers: no row at all when the subject uploaded nothing. */
const TallySchema = z.object({ count: z.number(), bytes: z.number(), oldest: z.string().nullable() })

export function cloudbaseEvidenceStore(db: DocDb): EvidenceStore {
  const evidence = () => db.collection(COLLECTIONS.evidence)
  return {
    async saveEvidence(e) {
      ok(await evidence().add(evidenceToDoc(e)))
    },
    async getEvidence(id) {
      const doc = await readDoc(evidence().doc(id))
      return doc ? toEvidence(doc) : null
    },
    async listEvidenceOfCase(caseId) {
      const docs = await readAll(evidence().where({ caseId }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'))
      return docs.map(toEvidence)
    },
    async uploadsSince(subject, since) {
      // counted by the database in one aggregation, whatever the number of uploads in the window
      const res = ok(
        await evidence()
          .aggregate()
          .match({ uploadedBy: subject, createdAt: db.command.gte(utc(since)) })
          .group({ _id: null, count: { $sum: 1 }, bytes: { $sum: '$bytes' }, oldest: { $min: '$createdAt' } })
          .end(),
      ) as { data?: unknown[] }
      const [row] = res.data ?? []
      if (row === undefined) return { count: 0, bytes: 0, oldestAt: null }
      const tally = TallySchema.parse(row)
      return { count: tally.count, bytes: tally.bytes, oldestAt: tally.oldest }
    },
    async listUnclaimedEvidenceBefore(before, limit) {
      const query = evidence()
        .where({ caseId: null, createdAt: db.command.lt(utc(before)) })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
      return (await readPage(query, limit)).map(toEvidence)
    },
    async deleteUnclaimedEvidence(id) {
      // conditional: a case that claimed the file meanwhile keeps it (caseId is no longer null)
      const res = ok(await evidence().where({ _id: id, caseId: null }).remove()) as { deleted?: number | string }
      return Number(res.deleted ?? 0) > 0
    },
  }
}
