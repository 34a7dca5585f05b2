import type { ColumnType, Kysely, Selectable } from 'kysely'
import {
  RewardApplicationSchema,
  RewardContactSchema,
  type RewardApplication,
} from '../../../src/domain/report-reward/report-reward-reporter'
import { CheckInLocationSchema } from '../../../src/domain/workflow/fast-track'
import type { OnSiteStore } from '../../ports/on-site-store'
import type { ReportRewardStore } from '../../ports/report-reward-store'
import type { Vault } from '../../ports/system'
import type { Database } from './database'

// Migration 0018: check-in locations and report rewards. Their tables are declared here (withTables)
// rather than in database.ts, so this part of the store stays in one file.
type Timestamp = ColumnType<Date, string, string>
// a type alias, not an interface: withTables wants an index-compatible record
type Tables = {
  on_site_checkins: { event_id: string; case_id: string; actor_id: string; at: Timestamp; location_sealed: string }
  report_rewards: {
    case_id: string
    site_id: string
    applied_at: Timestamp
    contact_sealed: string
    note: string
    status: string
    amount_fen: number | null
    decision_reason: string | null
    decided_by: string | null
    decided_at: ColumnType<Date | null, string | null, string | null>
  }
}

const iso = (value: Date | string): string => new Date(value).toISOString()

export function sqlFastTrackStore(base: Kysely<Database>, vault: Vault): OnSiteStore & ReportRewardStore {
  const db = base.withTables<Tables>()
  const toApplication = (r: Selectable<Tables['report_rewards']>) =>
    RewardApplicationSchema.parse({
      caseId: r.case_id,
      siteId: r.site_id,
      appliedAt: iso(r.applied_at),
      contact: RewardContactSchema.parse(JSON.parse(vault.open(r.contact_sealed))),
      note: r.note,
      status: r.status,
      amountFen: r.amount_fen,
      decisionReason: r.decision_reason,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at ? iso(r.decided_at) : null,
    })
  return {
    async recordCheckInLocation(e) {
      await db
        .insertInto('on_site_checkins')
        .values({
          event_id: e.eventId,
          case_id: e.caseId,
          actor_id: e.actorId,
          at: e.at,
          location_sealed: vault.seal(JSON.stringify(e.location)),
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute()
    },
    async listCheckInLocations(caseId) {
      const rows = await db.selectFrom('on_site_checkins').selectAll().where('case_id', '=', caseId).orderBy('at').execute()
      return rows.map((r) => ({
        caseId: r.case_id,
        eventId: r.event_id,
        actorId: r.actor_id,
        at: iso(r.at),
        location: CheckInLocationSchema.parse(JSON.parse(vault.open(r.location_sealed))),
      }))
    },
    async createRewardApplication(app) {
      const inserted = await db
        .insertInto('report_rewards')
        .values({
          case_id: app.caseId,
          site_id: app.siteId,
          applied_at: app.appliedAt,
          contact_sealed: vault.seal(JSON.stringify(app.contact)),
          note: app.note,
          status: app.status,
          amount_fen: app.amountFen,
          decision_reason: app.decisionReason,
          decided_by: app.decidedBy,
          decided_at: app.decidedAt,
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .executeTakeFirst()
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
    },
    async getRewardApplication(caseId): Promise<RewardApplication | null> {
      const row = await db.selectFrom('report_rewards').selectAll().where('case_id', '=', caseId).executeTakeFirst()
      return row ? toApplication(row) : null
    },
    async decideRewardApplication(caseId, d) {
      // only an application still waiting: two staff deciding at once cannot both win
      const row = await db
        .updateTable('report_rewards')
        .set({ status: d.status, amount_fen: d.amountFen, decision_reason: d.reason, decided_by: d.decidedBy, decided_at: d.decidedAt })
        .where('case_id', '=', caseId)
        .where('status', '=', 'applied')
        .returningAll()
        .executeTakeFirst()
      return row ? toApplication(row) : null
    },
  }
}
