import { MerchantInviteSchema, type MerchantInvite } from '../../ports/records'
import type { MerchantRegistryStore } from '../../ports/merchant-registry-store'
import type { Vault } from '../../ports/system'
import { COLLECTIONS } from './collection-names'
import { utc, utcOrNull } from './doc-codec'
import { ok, type DocDb } from './doc-db'
import { type Doc, parseDoc, readAll, readDoc, readPage } from './doc-reads'
import { membershipKey, membershipToDoc, toMembership } from './membership-docs'
import { merchantDocMapper } from './merchant-docs'
import { transact } from './transact'

// The merchant registry's storage, except the shop's record (countMerchantCases: the case writes keep
// those counters). Indexes (cloudbase-resources.ts):
//   merchants: siteId, uscc (findMerchantByUscc; the guard merchant_usccs/{siteId:uscc} keeps it unique)
//   merchant_invites: codeHash, withdrawnAt, expiresAt (findLiveInvite);
//                     merchantId, withdrawnAt, expiresAt, createdAt desc, _id desc (listLiveInvitesOf)
//   memberships: see membership-docs.ts
// Instants that queries compare (expiresAt, withdrawnAt, createdAt) are written in fixed-width UTC.

const inviteToDoc = (i: MerchantInvite) => ({
  merchantId: i.merchantId,
  siteId: i.siteId,
  codeHash: i.codeHash,
  createdBy: i.createdBy,
  createdAt: utc(i.createdAt),
  expiresAt: utc(i.expiresAt),
  withdrawnAt: utcOrNull(i.withdrawnAt),
})
const toInvite = (doc: Doc) => parseDoc(MerchantInviteSchema, doc)

export function cloudbaseRegistryStore(db: DocDb, vault: Vault): Omit<MerchantRegistryStore, 'countMerchantCases'> {
  const toMerchant = merchantDocMapper(vault)
  const invites = () => db.collection(COLLECTIONS.invites)
  const memberships = () => db.collection(COLLECTIONS.memberships)
  // an invite still usable at `now`: not withdrawn, not expired
  const live = (now: string) => ({ withdrawnAt: null, expiresAt: db.command.gt(utc(now)) })

  return {
    async findMerchantByUscc(siteId, uscc) {
      if (!uscc) return null // '' is "not known yet", shared by every older shop
      const [doc] = await readPage(db.collection(COLLECTIONS.merchants).where({ siteId, uscc }), 1)
      return doc ? toMerchant(doc) : null
    },

    async saveInvite(i) {
      ok(await invites().add({ _id: i.id, ...inviteToDoc(i) }))
    },
    async getInvite(id) {
      const doc = await readDoc(invites().doc(id))
      return doc ? toInvite(doc) : null
    },
    async findLiveInvite(codeHash, now) {
      const [doc] = await readPage(invites().where({ codeHash, ...live(now) }), 1)
      return doc ? toInvite(doc) : null
    },
    async listLiveInvitesOf(merchantId, now) {
      const query = invites()
        .where({ merchantId, ...live(now) })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
      return (await readAll(query)).map(toInvite)
    },
    async withdrawInvite(id, at) {
      // conditional: only an invite not yet withdrawn changes, so the first withdrawal's time stays
      ok(
        await invites()
          .where({ _id: id, withdrawnAt: null })
          .update({ withdrawnAt: utc(at) }),
      )
    },

    async requestMembership(candidate) {
      // one document per (shop, subject), read and written in one transaction: two taps on "join"
      // (or two devices racing) write the same document, and the loser retries onto the winner's
      return transact(db, async (tx) => {
        const ref = tx.collection(COLLECTIONS.memberships).doc(membershipKey(candidate.merchantId, candidate.subject))
        const existing = await readDoc(ref)
        if (!existing) {
          const pending = { ...candidate, status: 'pending' as const }
          // set(), not add(): a rival's insert of the same pair is then a write conflict (retried), never a duplicate-key error
          ok(await ref.set(membershipToDoc(pending)))
          return toMembership({ _id: String(ref.id), ...membershipToDoc(pending) })
        }
        if (existing.status !== 'revoked') return toMembership(existing)
        // a revoked binding asks afresh: pending again, dated now, for the station to decide
        const createdAt = utc(candidate.createdAt)
        ok(await ref.update({ status: 'pending', createdAt }))
        return toMembership({ ...existing, status: 'pending', createdAt })
      })
    },
    async getMembership(id) {
      const [doc] = await readPage(memberships().where({ id }), 1)
      return doc ? toMembership(doc) : null
    },
    async listMembershipsOfMerchant(merchantId) {
      const docs = await readAll(memberships().where({ merchantId }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))
      return docs.map(toMembership)
    },
    async listMembershipsOf(subject) {
      const docs = await readAll(memberships().where({ subject }).orderBy('createdAt', 'asc').orderBy('id', 'asc'))
      return docs.map(toMembership)
    },
  }
}
