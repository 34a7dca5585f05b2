import { z } from 'zod'
import { defaultTags, TAGS_SEEDED_AT } from '../../../src/domain/tags/default-tags'
import { CaseTagsSchema, TagSchema, type Tag } from '../../../src/domain/tags/tag.schema'
import type { TagStore } from '../../ports/tag-store'
import { COLLECTIONS } from './collection-names'
import { utc, utcOrNull } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { MAX_PAGE, parseDoc, readDoc, readPage } from './doc-reads'
import { markStatsPendingTx } from './stats-marks'
import { transact } from './transact'

// 标签 on the document database, as SQL migration 0025: tags/{tagId} and case_tags/{caseId}. The
// board filters on a confirmed tag through the case document's `confirmedTags` array (an array
// field matches a value when one of its elements does; index board_site_tag), written in the same
// transaction as the case_tags record and carried over by every later case write (applyChange).
// There is no migration step on CloudBase: the first listTags of an empty collection seeds the
// defaults under their fixed ids (set, so two first reads at once write the same documents).
// Confirmed tags are a statistics dimension (cubes.ts month_tag): confirming marks the case pending in
// the same transaction, so the next refresh moves it between tag rows.

const tagDoc = (t: Tag) => {
  const { id, ...fields } = t
  return { _id: id, ...fields, phrases: [...t.phrases], updatedAt: utc(t.updatedAt) }
}

/** The case document's `confirmedTags`, for a write that replaces the whole document (absent when none were confirmed). */
export const confirmedTagsOf = (doc: Record<string, unknown>): { confirmedTags?: string[] } => {
  const tags = z.array(z.string()).optional().parse(doc.confirmedTags)
  return tags ? { confirmedTags: tags } : {}
}

const CaseTagsDoc = CaseTagsSchema.omit({ caseId: true }).extend({ _id: z.string() })

export function cloudbaseTagStore(db: DocDb): TagStore {
  const col = (name: string) => db.collection(name)
  const readTags = async () =>
    (await readPage(col(COLLECTIONS.tags).orderBy('position', 'asc').orderBy('_id', 'asc'), MAX_PAGE)).map((d) => parseDoc(TagSchema, d))
  return {
    async listTags() {
      const stored = await readTags()
      if (stored.length > 0) return stored
      const seeded = defaultTags(TAGS_SEEDED_AT)
      for (const t of seeded) {
        const { _id, ...fields } = tagDoc(t)
        ok(await col(COLLECTIONS.tags).doc(_id).set(fields))
      }
      return readTags()
    },
    async saveTag(t) {
      const { _id, ...fields } = tagDoc(t)
      ok(await col(COLLECTIONS.tags).doc(_id).set(fields))
    },
    async getCaseTags(caseId) {
      const d = await readDoc(col(COLLECTIONS.caseTags).doc(caseId))
      if (!d) return null
      const { _id, ...rest } = CaseTagsDoc.parse(d)
      return { ...rest, caseId: _id }
    },
    async proposeCaseTags(caseId, proposed) {
      // one create-only request on the filing's path (no transaction: it would contend with the rush's
      // filings); a second proposal for the same case is refused as a duplicate _id and ignored
      try {
        ok(
          await col(COLLECTIONS.caseTags).add({
            _id: caseId,
            proposed: [...proposed],
            confirmed: null,
            confirmedBy: null,
            confirmedAt: null,
          }),
        )
      } catch (err) {
        if (!isDuplicate(err)) throw err // a retried filing, or staff confirmed already: keep what is there
      }
    },
    async confirmCaseTags(r) {
      await transact(db, async (tx) => {
        const confirmed = r.confirmed ? [...r.confirmed] : null
        ok(
          await tx
            .collection(COLLECTIONS.caseTags)
            .doc(r.caseId)
            .set({ proposed: [...r.proposed], confirmed, confirmedBy: r.confirmedBy, confirmedAt: utcOrNull(r.confirmedAt) }),
        )
        const caseRef = tx.collection(COLLECTIONS.cases).doc(r.caseId)
        if (await readDoc(caseRef)) {
          ok(await caseRef.update({ confirmedTags: confirmed ?? [] }))
          await markStatsPendingTx(tx, r.caseId)
        }
      })
    },
  }
}
