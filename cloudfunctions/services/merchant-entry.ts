import { fail, ok, type Result } from '../../src/domain/errors'
import type { MerchantEntry } from '../../src/domain/merchant.schema'
import type { Deps } from './context'

/** What a scanned QR shows: the shop and its site, nothing private. */
export async function getMerchantEntry(deps: Deps, code: string): Promise<Result<MerchantEntry>> {
  const merchant = await deps.store.findMerchantByCode(code)
  if (!merchant) return fail('MERCHANT_NOT_FOUND')
  const site = await deps.store.getSite(merchant.siteId)
  if (!site) return fail('MERCHANT_NOT_FOUND')
  const { code: c, name, industry, address, booth } = merchant
  return ok({ merchant: { code: c, name, industry, address, booth }, site: { name: site.name, hotline: site.hotline } })
}
