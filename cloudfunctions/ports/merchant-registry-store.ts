import type { Merchant } from '../../src/domain/merchant.schema'
import type { MerchantCaseCounts } from '../../src/domain/merchant/merchant-record'
import type { MerchantInvite, Membership } from './records'

export type { MerchantCaseCounts } from '../../src/domain/merchant/merchant-record'

// The merchant registry's storage needs: shops by credit code, clerk invites and bindings, and the
// counts a shop's record is made of. Single-collection reads and writes, like the rest of the Store.
export interface MerchantRegistryStore {
  /** The shop of this site registered under this credit code (unique within a site), if any. */
  findMerchantByUscc(siteId: string, uscc: string): Promise<Merchant | null>

  saveInvite(invite: MerchantInvite): Promise<void>
  getInvite(id: string): Promise<MerchantInvite | null>
  /** The invite with this code hash if it is neither withdrawn nor expired at `now`. */
  findLiveInvite(codeHash: string, now: string): Promise<MerchantInvite | null>
  /** A shop's invites still usable at `now`, newest first. */
  listLiveInvitesOf(merchantId: string, now: string): Promise<MerchantInvite[]>
  /** Withdraw an invite (idempotent: the first withdrawal's time stays). */
  withdrawInvite(id: string, at: string): Promise<void>

  /**
   * Ask to join a shop, atomically: when this subject has no binding to the shop, `candidate`
   * (status pending) is stored; a revoked one becomes pending again (a fresh request the station
   * decides); a pending or active one is returned unchanged. Returns the binding as stored, so a
   * repeated or concurrent request gets the same one.
   */
  requestMembership(candidate: Membership): Promise<Membership>
  getMembership(id: string): Promise<Membership | null>
  /** Every binding of a shop, any status, oldest first. */
  listMembershipsOfMerchant(merchantId: string): Promise<Membership[]>
  /** Every binding of a subject, any status, oldest first (IdentityStore lists only active ones). */
  listMembershipsOf(subject: string): Promise<Membership[]>

  /**
   * What a shop's record is made of: counters kept in the transaction of each change (createCase,
   * applyChange, and advanceClock when a response clock goes overdue), so reading them costs the same
   * at 10 cases or 100,000. A response clock still running past its due counts as late once the tick
   * has marked it overdue (a counter cannot change by itself as time passes; the tick runs every
   * minute, so the record lags by at most one tick).
   */
  // Complaints only: the record is shown to the shop itself, and a report must leave no trace there.
  countMerchantCases(merchantId: string): Promise<MerchantCaseCounts>
}
