import { MembershipSchema, type Membership } from '../../ports/records'
import { compoundId, utc } from './doc-codec'
import { DocDbError, ok, type DocDb } from './doc-db'
import { type Doc, parseDoc, readDoc } from './doc-reads'
import { COLLECTIONS } from './collection-names'
import { transact } from './transact'

// A clerk's binding to a shop as a document in COLLECTIONS.memberships. A subject has at most one
// binding per shop (the SQL store's unique (merchant_id, subject)), so the document's _id is that pair,
// compoundId(merchantId, subject): two "join" taps racing write the same document, and the loser's
// transaction conflicts and retries onto the winner's binding. The binding's own id is the field `id`
// (getMembership finds it by that field, index on id).
// Indexes (cloudbase-resources.ts): id; subject, createdAt, id; merchantId, createdAt, id.

export const membershipKey = (merchantId: string, subject: string) => compoundId(merchantId, subject)

export const membershipToDoc = (m: Membership) => ({
  id: m.id,
  merchantId: m.merchantId,
  siteId: m.siteId,
  subject: m.subject,
  status: m.status,
  createdAt: utc(m.createdAt),
})

/** The document as the domain's Membership: the pair key (_id) is dropped, the `id` field kept. */
export const toMembership = (doc: Doc): Membership => parseDoc(MembershipSchema, doc, 'bindingKey')

/**
 * Insert the binding, or change the status of the one it names (the SQL store's upsert by id). A
 * second binding of the same subject to the same shop under another id fails, as the unique index does.
 */
export async function saveMembershipDoc(db: DocDb, m: Membership): Promise<void> {
  const key = membershipKey(m.merchantId, m.subject)
  await transact(db, async (tx) => {
    const ref = tx.collection(COLLECTIONS.memberships).doc(key)
    const existing = await readDoc(ref)
    if (!existing) {
      ok(await ref.set(membershipToDoc(m))) // set(): a racing insert of the pair conflicts and is retried
      return
    }
    if (existing.id !== m.id) throw new DocDbError('DATABASE_DUPLICATE_WRITE', 'the subject already has a binding to this shop')
    if (existing.status !== m.status) ok(await ref.update({ status: m.status }))
  })
}
