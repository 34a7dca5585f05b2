import type { Kysely } from 'kysely'
import type { DirectoryStore } from '../../ports/store'
import type { Vault } from '../../ports/system'
import type { Database } from './database'
import { merchantRowMapper, merchantToRow, siteToRow, toSite } from './row-mappers'

/** The vault seals a shop's contact person before it reaches a column. */
export function sqlDirectoryStore(db: Kysely<Database>, vault: Vault): DirectoryStore {
  const toMerchant = merchantRowMapper(vault)
  return {
    async saveSite(site) {
      const { id: _id, ...changes } = siteToRow(site)
      await db
        .insertInto('sites')
        .values(siteToRow(site))
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute()
    },
    async getSite(id) {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toSite(row) : null
    },
    async listSites() {
      const rows = await db.selectFrom('sites').selectAll().orderBy('name').orderBy('id').execute()
      return rows.map(toSite)
    },
    async saveMerchant(m) {
      const row = merchantToRow(vault, m)
      const { id: _id, ...changes } = row
      await db
        .insertInto('merchants')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute()
    },
    async getMerchant(id) {
      const row = await db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toMerchant(row) : null
    },
    async findMerchantByCode(code) {
      const row = await db.selectFrom('merchants').selectAll().where('code', '=', code).executeTakeFirst()
      return row ? toMerchant(row) : null
    },
    async searchMerchants(text, limit) {
      let query = db.selectFrom('merchants').selectAll()
      // escape LIKE wildcards: a shopper typing "%" should not list every shop by accident
      if (text) query = query.where('name', 'like', `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
      const rows = await query.orderBy('name').limit(limit).execute()
      return rows.map(toMerchant)
    },
    async listMerchantsOfSite(siteId) {
      const rows = await db.selectFrom('merchants').selectAll().where('site_id', '=', siteId).orderBy('name').execute()
      return rows.map(toMerchant)
    },
  }
}
