import type { EvidenceClaim, Store } from '../../cloudfunctions/ports/store'
import type { Case, CaseEvent } from '../../src/domain/case.schema'
import type { Merchant } from '../../src/domain/merchant.schema'
import { aCase, aMerchant, aSite, aSubmittedEvent } from '../support/builders'

// The store contracts' usual start: a new site and shop, and a case filed against it with its first
// event, no outbox rows and no files. Each call makes its own site and shop, so tests never share rows.

export const noEvidence = (c: Case): EvidenceClaim => ({ ids: [], uploadedBy: c.filedBy })

/** A new site and shop saved in the store (for filing more cases against the same shop). */
export async function aSavedShop(store: Store): Promise<Merchant> {
  const site = aSite()
  const merchant = aMerchant(site)
  await store.saveSite(site)
  await store.saveMerchant(merchant)
  return merchant
}

/** One case filed against `merchant` with its first event. */
export async function fileAgainst(store: Store, merchant: Merchant, over: Partial<Case> = {}): Promise<{ c: Case; first: CaseEvent }> {
  const c = aCase(merchant, over)
  const first = aSubmittedEvent(c)
  await store.createCase(c, first, [], noEvidence(c))
  return { c, first }
}

/** A case filed against a new shop of a new site. */
export async function fileOnNewShop(store: Store, over: Partial<Case> = {}): Promise<{ c: Case; first: CaseEvent }> {
  return fileAgainst(store, await aSavedShop(store), over)
}
