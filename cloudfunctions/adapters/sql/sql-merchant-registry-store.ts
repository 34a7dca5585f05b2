import { sql, type Kysely } from 'kysely'
import { OPEN_STATUSES } from '../../../src/domain/workflow/transitions'
import type { MerchantRegistryStore } from '../../ports/merchant-registry-store'
import type { Vault } from '../../ports/system'
import type { Database } from './database'
import { merchantRowMapper, toInvite, toMembership } from './row-mappers'

// pg answers count(*) as a string (bigint), PGlite as a number.
const n = (value: unknown) => Number(value ?? 0)

export function sqlMerchantRegistryStore(db: Kysely<Database>, vault: Vault): MerchantRegistryStore {
  const toMerchant = merchantRowMapper(vault)
  // an invite still usable at `now`: not withdrawn, not expired
  const liveInvites = (now: string) =>
    db.selectFrom('merchant_invites').selectAll().where('withdrawn_at', 'is', null).where('expires_at', '>', new Date(now))
  return {
    async findMerchantByUscc(siteId, uscc) {
      if (!uscc) return null // '' is "not known yet", shared by every older shop
      const row = await db.selectFrom('merchants').selectAll().where('site_id', '=', siteId).where('uscc', '=', uscc).executeTakeFirst()
      return row ? toMerchant(row) : null
    },

    async saveInvite(i) {
      await db
        .insertInto('merchant_invites')
        .values({
          id: i.id,
          merchant_id: i.merchantId,
          site_id: i.siteId,
          code_hash: i.codeHash,
          created_by: i.createdBy,
          created_at: i.createdAt,
          expires_at: i.expiresAt,
          withdrawn_at: i.withdrawnAt,
        })
        .execute()
    },
    async getInvite(id) {
      const row = await db.selectFrom('merchant_invites').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toInvite(row) : null
    },
    async findLiveInvite(codeHash, now) {
      const row = await liveInvites(now).where('code_hash', '=', codeHash).executeTakeFirst()
      return row ? toInvite(row) : null
    },
    async listLiveInvitesOf(merchantId, now) {
      const rows = await liveInvites(now).where('merchant_id', '=', merchantId).orderBy('created_at', 'desc').execute()
      return rows.map(toInvite)
    },
    async withdrawInvite(id, at) {
      await db.updateTable('merchant_invites').set({ withdrawn_at: at }).where('id', '=', id).where('withdrawn_at', 'is', null).execute()
    },

    async requestMembership(m) {
      // one statement, so two taps on "join" (or two devices racing) end in the same row
      const revoked = sql<boolean>`merchant_members.status = 'revoked'`
      const row = await db
        .insertInto('merchant_members')
        .values({ id: m.id, merchant_id: m.merchantId, site_id: m.siteId, subject: m.subject, status: 'pending', created_at: m.createdAt })
        .onConflict((oc) =>
          oc.columns(['merchant_id', 'subject']).doUpdateSet({
            status: sql`case when ${revoked} then 'pending' else merchant_members.status end`,
            created_at: sql`case when ${revoked} then excluded.created_at else merchant_members.created_at end`,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow()
      return toMembership(row)
    },
    async getMembership(id) {
      const row = await db.selectFrom('merchant_members').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toMembership(row) : null
    },
    async listMembershipsOfMerchant(merchantId) {
      const rows = await db
        .selectFrom('merchant_members')
        .selectAll()
        .where('merchant_id', '=', merchantId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toMembership)
    },
    async listMembershipsOf(subject) {
      const rows = await db
        .selectFrom('merchant_members')
        .selectAll()
        .where('subject', '=', subject)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toMembership)
    },

    // Two aggregate queries, whatever the number of cases. A document-database adapter counts the
    // same with count() per filter, its clock documents carrying the case's merchantId (written by
    // applyChange, which holds the case) instead of the sub-select used here.
    async countMerchantCases(merchantId, now) {
      const cases = await db
        .selectFrom('cases')
        .where('merchant_id', '=', merchantId)
        .where('kind', '=', 'complaint')
        .select([
          sql`count(*)`.as('total'),
          sql`count(*) filter (where status in (${sql.join(OPEN_STATUSES)}))`.as('open'),
          sql`count(*) filter (where status = 'closed')`.as('closed'),
          sql`count(*) filter (where status = 'closed' and outcome = 'settled')`.as('settled'),
        ])
        .executeTakeFirstOrThrow()
      const at = new Date(now)
      const clocks = await db
        .selectFrom('case_clocks')
        .where('clock_id', '=', 'merchant_response')
        .where('case_id', 'in', db.selectFrom('cases').select('id').where('merchant_id', '=', merchantId).where('kind', '=', 'complaint'))
        .select([
          sql`count(*)`.as('started'),
          sql`count(*) filter (where stopped_at is not null and stopped_at <= due_at)`.as('onTime'),
          sql`count(*) filter (where (stopped_at is not null and stopped_at > due_at) or (stopped_at is null and due_at <= ${at}))`.as(
            'late',
          ),
        ])
        .executeTakeFirstOrThrow()
      return {
        total: n(cases.total),
        open: n(cases.open),
        closed: n(cases.closed),
        settled: n(cases.settled),
        responseStarted: n(clocks.started),
        responseOnTime: n(clocks.onTime),
        responseLate: n(clocks.late),
      }
    },
  }
}
