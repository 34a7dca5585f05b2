import { sql, type Kysely } from 'kysely'
import type { MerchantRegistryStore } from '../../ports/merchant-registry-store'
import type { Vault } from '../../ports/system'
import type { Database } from './database'
import { merchantRowMapper, toInvite, toMembership } from './row-mappers'
import { readCounters } from './sql-merchant-counters'

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

    // Counters kept by the case writes (sql-merchant-counters.ts): one primary-key read, whatever the
    // number of cases. A document-database adapter keeps the same counters in one document per shop,
    // changed with db.command.inc() inside the case write's transaction.
    countMerchantCases: (merchantId) => readCounters(db, merchantId),
  }
}
