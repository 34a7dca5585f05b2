import { merchantRecordOf, type MerchantRecord } from '../../src/domain/merchant/merchant-record'
import type { Deps } from './context'

/** A shop's record: counters the store keeps with every change, turned into rates by the domain. */
export async function loadMerchantRecord(deps: Pick<Deps, 'store'>, merchantId: string): Promise<MerchantRecord> {
  return merchantRecordOf(await deps.store.countMerchantCases(merchantId))
}
