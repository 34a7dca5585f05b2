import { z } from 'zod'
import { ScoringCaseSchema, type ScoringCase } from '../../../src/domain/similarity/scoring-case'
import type { CaseScoringStore } from '../../ports/case-scoring-store'
import { COLLECTIONS } from './collection-names'
import { utc } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { readUpTo } from './doc-lists'
import { parseDoc, type Doc } from './doc-reads'

// The scoring reads on the document database (ports/case-scoring-store.ts): a projection of the fields
// scoring needs, so complainantSealed and queryCodeSealed never leave the database and nothing is opened.
// The case indexes serve them: site_created, merchant_kind_created, created (cloudbase-case-indexes.ts).
const PROJECTION = Object.fromEntries(
  Object.keys(ScoringCaseSchema.shape)
    .filter((field) => field !== 'id') // the document's _id
    .map((field) => [field, true]),
)
const CountSchema = z.object({ total: z.number().int().nonnegative() })
const toScoring = (doc: Doc): ScoringCase => parseDoc(ScoringCaseSchema, doc)

export function cloudbaseCaseScoring(db: DocDb): CaseScoringStore {
  const _ = db.command
  const cases = () => db.collection(COLLECTIONS.cases)
  return {
    async listScoringCasesForSite(siteId, limit, since) {
      const where = since === undefined ? { siteId } : { siteId, createdAt: _.gte(utc(since)) }
      const query = cases().where(where).field(PROJECTION).orderBy('createdAt', 'desc').orderBy('_id', 'asc')
      return (await readUpTo(query, limit)).map(toScoring)
    },

    async listScoringComplaintsForMerchant(merchantId, limit) {
      const query = cases().where({ merchantId, kind: 'complaint' }).field(PROJECTION).orderBy('createdAt', 'desc').orderBy('_id', 'asc')
      return (await readUpTo(query, limit)).map(toScoring)
    },

    async listScoringCasesFiledAfter(after, page) {
      const query = cases()
        .where({ createdAt: _.gt(utc(after)) })
        .field(PROJECTION)
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
      return (await readUpTo(query, page.limit, page.offset)).map(toScoring)
    },

    async countComplaintsAgainst(merchantId, from, to) {
      const where = { merchantId, kind: 'complaint', createdAt: _.and(_.gte(utc(from)), _.lt(utc(to))) }
      return CountSchema.parse(ok(await cases().where(where).count())).total
    },
  }
}
