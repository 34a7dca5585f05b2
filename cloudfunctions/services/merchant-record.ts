import { merchantRecordOf, type MerchantRecord } from '../../src/domain/merchant/merchant-record'
import type { Deps } from './context'

/** A shop's record as of now: counted by the store, turned into rates by the domain. */
export async function loadMerchantRecord(deps: Pick<Deps, 'store' | 'clock'>, merchantId: string): Promise<MerchantRecord> {
  return merchantRecordOf(await deps.store.countMerchantCases(merchantId, deps.clock.now().toISOString()))
}
