import {
  CallbackSampleSchema,
  RatingReviewSchema,
  type CallbackSample,
  type RatingReview,
} from '../../../src/domain/callback/callback.schema'
import { latestClosures } from '../../../src/domain/callback/callback-draw'
import type { CallbackSampleWrite, CallbackStore, ClosedComplaint } from '../../ports/callback-store'
import { fail } from './case-transaction-steps'
import { clockFields, clockDocId } from './clock-docs'
import { COLLECTIONS } from './collection-names'
import { compoundId, utc, utcOrNull } from './doc-codec'
import { isDuplicate, ok, type DocDb, type DocTransaction } from './doc-db'
import { chunksOf } from './doc-lists'
import { readAll, readDoc, type Doc } from './doc-reads'
import { transact } from './transact'

// 回访抽查 and the review list, as the SQL store's migration 0021 (cloudbase-callback-collections.ts
// has the indexes). callback_samples/{siteId:month} holds the sample with its items (one document per
// site and month: a second draw's insert is a duplicate, so the month is drawn once); its clocks are
// written in the same transaction. rating_reviews/{eventId}: one entry per rating event.
const CASES_PER_QUERY = 100

const sampleId = (siteId: string, month: string) => compoundId(siteId, month)

const toSample = (d: Doc): CallbackSample => {
  const { _id, ...fields } = d
  void _id
  return CallbackSampleSchema.parse(fields)
}

const toReview = (d: Doc): RatingReview => {
  const { _id, ...fields } = d
  return RatingReviewSchema.parse({ ...fields, eventId: _id })
}

function sampleFields(s: CallbackSample) {
  return {
    siteId: s.siteId,
    month: s.month,
    seed: s.seed,
    population: s.population,
    drawnAt: utc(s.drawnAt),
    dueDate: s.dueDate,
    dueAt: utc(s.dueAt),
    dueExplanation: s.dueExplanation,
    items: s.items.map((i) => ({
      ...i,
      closedAt: utc(i.closedAt),
      doneAt: utcOrNull(i.doneAt),
      attempts: i.attempts.map((a) => ({ ...a, at: utc(a.at) })),
    })),
    version: s.version,
  }
}

/**
 * A call-back item completed by a case step, written inside that step's transaction (cloudbase-case-store.ts
 * applyChange): read through the transaction, at its expected version, else AppFailure(CONCURRENT_UPDATE),
 * which rolls the whole step back — the return visit and the sample's answers land together or not at all.
 */
export async function writeCallbackSampleTx(tx: DocTransaction, { sample, expectedVersion }: CallbackSampleWrite): Promise<void> {
  const ref = tx.collection(COLLECTIONS.callbackSamples).doc(sampleId(sample.siteId, sample.month))
  const current = await readDoc(ref)
  if (!current || current.version !== expectedVersion) throw fail('CONCURRENT_UPDATE')
  const fields = sampleFields({ ...sample, version: expectedVersion + 1 })
  ok(await ref.update({ items: fields.items, version: fields.version }))
}

export function cloudbaseCallbackStore(db: DocDb): CallbackStore {
  const samples = () => db.collection(COLLECTIONS.callbackSamples)
  const reviews = () => db.collection(COLLECTIONS.ratingReviews)
  const _ = db.command
  return {
    async listClosedComplaints(siteId, from, to) {
      const closures = await readAll(
        db
          .collection(COLLECTIONS.events)
          .where({ type: 'closed', at: _.gte(utc(from)).and(_.lt(utc(to))) })
          .orderBy('at', 'asc')
          .orderBy('_id', 'asc'),
      )
      const found: ClosedComplaint[] = []
      const caseIds = [...new Set(closures.map((e) => String(e.caseId)))]
      for (const run of chunksOf(caseIds, CASES_PER_QUERY)) {
        const cases = await readAll(
          db
            .collection(COLLECTIONS.cases)
            .where({ _id: _.in(run), siteId, kind: 'complaint', status: 'closed' })
            .orderBy('_id', 'asc'),
        )
        const caseNo = new Map(cases.map((c) => [c._id, String(c.caseNo)]))
        for (const e of closures) {
          const no = caseNo.get(String(e.caseId))
          if (no === undefined) continue
          const actor = e.actor as { id?: unknown } | undefined
          found.push({ caseId: String(e.caseId), caseNo: no, closedAt: String(e.at), closerId: String(actor?.id ?? '') })
        }
      }
      return latestClosures(found)
    },
    async createCallbackSample(s, clocks) {
      try {
        await transact(db, async (tx) => {
          ok(await tx.collection(COLLECTIONS.callbackSamples).add({ _id: sampleId(s.siteId, s.month), ...sampleFields(s) }))
          for (const c of clocks) ok(await tx.collection(COLLECTIONS.clocks).doc(clockDocId(c.caseId, c.clockId)).set(clockFields(c)))
        })
        return true
      } catch (err) {
        if (isDuplicate(err)) return false // drawn already: its clocks were started then
        throw err
      }
    },
    async getCallbackSample(siteId, month) {
      const doc = await readDoc(samples().doc(sampleId(siteId, month)))
      return doc ? toSample(doc) : null
    },
    async listCallbackSamples(month) {
      return (await readAll(samples().where({ month }).orderBy('siteId', 'asc').orderBy('_id', 'asc'))).map(toSample)
    },
    async updateCallbackSample(s, expectedVersion, clocks) {
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.callbackSamples).doc(sampleId(s.siteId, s.month))
        const current = await readDoc(ref)
        if (!current || current.version !== expectedVersion) return false
        const fields = sampleFields({ ...s, version: expectedVersion + 1 })
        ok(await ref.update({ items: fields.items, version: fields.version }))
        for (const c of clocks) ok(await tx.collection(COLLECTIONS.clocks).doc(clockDocId(c.caseId, c.clockId)).set(clockFields(c)))
        return true
      })
    },
    async addRatingReview(r) {
      const { eventId, ...fields } = r
      try {
        ok(await reviews().add({ _id: eventId, ...fields, ratedAt: utc(r.ratedAt), reviewedAt: utcOrNull(r.reviewedAt) }))
      } catch (err) {
        if (!isDuplicate(err)) throw err // the same rating twice: the first entry stands
      }
    },
    async listRatingReviews(siteId) {
      const docs = await readAll(reviews().where({ siteId }).orderBy('status', 'asc').orderBy('ratedAt', 'desc').orderBy('_id', 'asc'))
      return docs.map(toReview)
    },
    async getRatingReview(eventId) {
      const doc = await readDoc(reviews().doc(eventId))
      return doc ? toReview(doc) : null
    },
    async closeRatingReview(eventId, r) {
      // conditional update: only an entry still open changes, so two reviews cannot overwrite each other
      const res = ok(
        await reviews()
          .where({ _id: eventId, status: 'open' })
          .update({
            status: 'reviewed',
            findings: r.findings,
            changes: r.changes,
            reviewedBy: r.reviewedBy,
            reviewedAt: utc(r.reviewedAt),
          }),
      ) as { updated?: number }
      if (Number(res.updated ?? 0) === 0) return null
      const doc = await readDoc(reviews().doc(eventId))
      return doc ? toReview(doc) : null
    },
  }
}
