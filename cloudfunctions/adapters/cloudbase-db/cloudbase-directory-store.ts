import { SiteSchema, type Site } from '../../../src/domain/site.schema'
import type { DirectoryStore } from '../../ports/store'
import type { Vault } from '../../ports/system'
import { COLLECTIONS } from './collection-names'
import { DocDbError, ok, type DocDb, type DocTransaction } from './doc-db'
import { type Doc, parseDoc, readAll, readDoc, readPage } from './doc-reads'
import { merchantDocMapper, merchantToDoc, usccGuardId } from './merchant-docs'
import { transact } from './transact'
import { literalPattern } from './doc-codec'

// Sites and shops. Indexes (cloudbase-resources.ts):
//   merchants: code (findMerchantByCode); siteId, name, _id (listMerchantsOfSite); name, _id (searchMerchants)
//   sites, merchant_codes, merchant_usccs: by _id only
//
// A code names one shop and a credit code one shop per site. With no unique index, a shop is written
// in one transaction with its guard documents: merchant_codes/{code} and merchant_usccs/{siteId:uscc},
// each holding the shop's id. A second shop reaching for a taken guard fails (as the SQL store's unique
// index fails); two racing for a free one conflict, and the retry sees the winner's guard.

const siteToDoc = (s: Site) => ({ name: s.name, address: s.address, hotline: s.hotline, areaId: s.areaId, clockSettings: s.clockSettings })

export function cloudbaseDirectoryStore(db: DocDb, vault: Vault): DirectoryStore {
  const toMerchant = merchantDocMapper(vault)
  const merchants = () => db.collection(COLLECTIONS.merchants)

  /** Take a guard for the shop (or find it already its own); another shop's guard is a duplicate. */
  async function takeGuard(tx: DocTransaction, collection: string, id: string, merchantId: string, what: string) {
    const guard = await readDoc(tx.collection(collection).doc(id))
    if (guard && guard.merchantId !== merchantId) throw new DocDbError('DATABASE_DUPLICATE_WRITE', `${what} is taken by another shop`)
    if (!guard) ok(await tx.collection(collection).doc(id).set({ merchantId }))
  }
  async function dropGuard(tx: DocTransaction, collection: string, id: string, merchantId: string) {
    const guard = await readDoc(tx.collection(collection).doc(id))
    if (guard?.merchantId === merchantId) ok(await tx.collection(collection).doc(id).delete())
  }

  return {
    async saveSite(site) {
      // set() replaces the document: a site saved without an area loses the one it had
      ok(await db.collection(COLLECTIONS.sites).doc(site.id).set(siteToDoc(site)))
    },
    async getSite(id) {
      const doc = await readDoc(db.collection(COLLECTIONS.sites).doc(id))
      return doc ? parseSite(doc) : null
    },
    async listSites() {
      // by _id (no index needed), then by name here: a deployment has tens of sites
      const sites = (await readAll(db.collection(COLLECTIONS.sites).orderBy('_id', 'asc'))).map(parseSite)
      return sites.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
    },
    async saveMerchant(m) {
      const { _id, ...fields } = merchantToDoc(vault, m)
      await transact(db, async (tx) => {
        const prev = await readDoc(tx.collection(COLLECTIONS.merchants).doc(m.id))
        await takeGuard(tx, COLLECTIONS.merchantCodes, m.code, m.id, `shop code ${m.code}`)
        if (typeof prev?.code === 'string' && prev.code !== m.code) await dropGuard(tx, COLLECTIONS.merchantCodes, prev.code, m.id)
        const guard = m.uscc ? usccGuardId(m.siteId, m.uscc) : null // '' is "not known yet", shared by older shops
        if (guard) await takeGuard(tx, COLLECTIONS.merchantUsccs, guard, m.id, `credit code ${m.uscc} at site ${m.siteId}`)
        const prevGuard = prev && typeof prev.uscc === 'string' && prev.uscc ? usccGuardId(String(prev.siteId), prev.uscc) : null
        if (prevGuard && prevGuard !== guard) await dropGuard(tx, COLLECTIONS.merchantUsccs, prevGuard, m.id)
        ok(await tx.collection(COLLECTIONS.merchants).doc(_id).set(fields))
      })
    },
    async getMerchant(id) {
      const doc = await readDoc(merchants().doc(id))
      return doc ? toMerchant(doc) : null
    },
    async findMerchantByCode(code) {
      const [doc] = await readPage(merchants().where({ code }), 1)
      return doc ? toMerchant(doc) : null
    },
    async listMerchantsOfSite(siteId) {
      const docs = await readAll(merchants().where({ siteId }).orderBy('name', 'asc').orderBy('_id', 'asc'))
      return docs.map(toMerchant)
    },
    async searchMerchants(text, limit) {
      const query = text ? merchants().where({ name: db.RegExp({ regexp: literalPattern(text), options: '' }) }) : merchants()
      const docs = await readPage(query.orderBy('name', 'asc').orderBy('_id', 'asc'), limit)
      return docs.map(toMerchant)
    },
  }
}

function parseSite(doc: Doc): Site {
  const { areaId, ...rest } = doc
  // an absent area reads back absent (the domain's areaId is optional, never null)
  return parseDoc(SiteSchema, typeof areaId === 'string' && areaId ? { ...rest, areaId } : rest)
}
