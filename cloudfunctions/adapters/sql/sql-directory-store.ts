import type { Kysely } from 'kysely'
import type { DirectoryStore } from '../../ports/store'
import type { Database } from './database'
import { siteToRow, toMerchant, toSite } from './row-mappers'

export function sqlDirectoryStore(db: Kysely<Database>): DirectoryStore {
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
    async saveMerchant(m) {
      const row = {
        id: m.id,
        site_id: m.siteId,
        code: m.code,
        name: m.name,
        industry: m.industry,
        address: m.address,
        booth: m.booth,
      }
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
