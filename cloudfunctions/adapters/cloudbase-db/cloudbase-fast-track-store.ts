import {
  RewardApplicationSchema,
  RewardContactSchema,
  type RewardApplication,
} from '../../../src/domain/report-reward/report-reward-reporter'
import { CheckInLocationSchema } from '../../../src/domain/workflow/fast-track'
import type { OnSiteStore } from '../../ports/on-site-store'
import type { ReportRewardStore } from '../../ports/report-reward-store'
import type { Vault } from '../../ports/system'
import { COLLECTIONS } from './collection-names'
import { utc, utcOrNull } from './doc-codec'
import { isDuplicate, ok, type DocDb } from './doc-db'
import { readAll, readDoc, type Doc } from './doc-reads'

// Fast-track check-in locations (on_site_checkins/{eventId}) and report rewards
// (report_rewards/{caseId}), as the SQL store's migration 0018. The location and the reporter's
// contact are sealed with the vault before they reach a document.
export function cloudbaseFastTrackStore(db: DocDb, vault: Vault): OnSiteStore & ReportRewardStore {
  const checkins = () => db.collection(COLLECTIONS.onSiteCheckins)
  const rewards = () => db.collection(COLLECTIONS.reportRewards)
  const toApplication = (doc: Doc): RewardApplication =>
    RewardApplicationSchema.parse({
      caseId: doc._id,
      siteId: doc.siteId,
      appliedAt: doc.appliedAt,
      contact: RewardContactSchema.parse(JSON.parse(vault.open(String(doc.contactSealed)))),
      note: doc.note,
      status: doc.status,
      amountFen: doc.amountFen ?? null,
      decisionReason: doc.decisionReason ?? null,
      decidedBy: doc.decidedBy ?? null,
      decidedAt: doc.decidedAt ?? null,
    })
  return {
    async recordCheckInLocation(e) {
      try {
        ok(
          await checkins().add({
            _id: e.eventId,
            caseId: e.caseId,
            actorId: e.actorId,
            at: utc(e.at),
            locationSealed: vault.seal(JSON.stringify(e.location)),
          }),
        )
      } catch (err) {
        if (!isDuplicate(err)) throw err // the same check-in recorded twice: the first stands
      }
    },
    async listCheckInLocations(caseId) {
      const docs = await readAll(checkins().where({ caseId }).orderBy('at', 'asc').orderBy('_id', 'asc'))
      return docs.map((d) => ({
        caseId: String(d.caseId),
        eventId: d._id,
        actorId: String(d.actorId),
        at: String(d.at),
        location: CheckInLocationSchema.parse(JSON.parse(vault.open(String(d.locationSealed)))),
      }))
    },
    async createRewardApplication(app) {
      try {
        // insert by _id = the case: a second application for the same report is a duplicate
        ok(
          await rewards().add({
            _id: app.caseId,
            siteId: app.siteId,
            appliedAt: utc(app.appliedAt),
            contactSealed: vault.seal(JSON.stringify(app.contact)),
            note: app.note,
            status: app.status,
            amountFen: app.amountFen,
            decisionReason: app.decisionReason,
            decidedBy: app.decidedBy,
            decidedAt: utcOrNull(app.decidedAt),
          }),
        )
        return true
      } catch (err) {
        if (isDuplicate(err)) return false
        throw err
      }
    },
    async getRewardApplication(caseId) {
      const doc = await readDoc(rewards().doc(caseId))
      return doc ? toApplication(doc) : null
    },
    async decideRewardApplication(caseId, d) {
      // conditional update: only an application still waiting changes, so two staff cannot both decide
      const res = ok(
        await rewards()
          .where({ _id: caseId, status: 'applied' })
          .update({
            status: d.status,
            amountFen: d.amountFen,
            decisionReason: d.reason,
            decidedBy: d.decidedBy,
            decidedAt: utc(d.decidedAt),
          }),
      ) as { updated?: number }
      if (Number(res.updated ?? 0) === 0) return null
      const doc = await readDoc(rewards().doc(caseId))
      return doc ? toApplication(doc) : null
    },
  }
}
