import { fail, ok, type Result } from '../../src/domain/errors'
import type { Merchant, MerchantEntry } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import type { Deps } from './context'

/** What a scanned QR shows: the shop and its site, nothing private. */
export async function getMerchantEntry(deps: Deps, code: string): Promise<Result<MerchantEntry>> {
  const merchant = await deps.store.findMerchantByCode(code)
  if (!merchant) return fail('MERCHANT_NOT_FOUND')
  const site = await deps.store.getSite(merchant.siteId)
  if (!site) return fail('MERCHANT_NOT_FOUND')
  return ok(entryOf(merchant, site))
}

function entryOf(merchant: Merchant, site: Site): MerchantEntry {
  const { code, name, industry, address, booth } = merchant
  return { merchant: { code, name, industry, address, booth }, site: { name: site.name, hotline: site.hotline } }
}

const SEARCH_LIMIT = 20

/** Finding the shop by name when there is no QR code to scan. */
export async function searchMerchants(deps: Deps, query: string): Promise<Result<{ items: MerchantEntry[] }>> {
  const merchants = await deps.store.searchMerchants(query, SEARCH_LIMIT)
  const sites = new Map<string, Site | null>()
  const items: MerchantEntry[] = []
  for (const m of merchants) {
    if (!sites.has(m.siteId)) sites.set(m.siteId, await deps.store.getSite(m.siteId))
    const site = sites.get(m.siteId)
    if (site) items.push(entryOf(m, site))
  }
  return ok({ items })
}
