import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { defaultTags, TAGS_SEEDED_AT } from '../../src/domain/tags/default-tags'
import { MemoryStatsStore } from './memory-stats-store'

// The sites, shops and tags around the statistics service's fixed world (tests/domain/metrics/world.ts),
// over the in-memory StatsStore double: the service names sites and shops and lists tags through the port.
export const WORLD_SITES: Site[] = [{ id: 'S1', name: '星河广场' } as Site, { id: 'S2', name: '老街市场' } as Site]
const merchant = (id: string, siteId: string, name: string) => ({ id, siteId, name }) as Merchant
export const WORLD_MERCHANTS = [
  merchant('M1', 'S1', '好味餐厅'),
  merchant('M2', 'S1', '惠民超市'),
  merchant('M3', 'S1', '明码便利店'),
  merchant('M4', 'S2', '乐享健身'),
  merchant('M5', 'S2', '顺达汽修'),
]

export class WorldStatsStore extends MemoryStatsStore {
  async getSite(id: string) {
    return WORLD_SITES.find((s) => s.id === id) ?? null
  }
  async listSites() {
    return WORLD_SITES
  }
  async getMerchant(id: string) {
    return WORLD_MERCHANTS.find((m) => m.id === id) ?? null
  }
  async listMerchantsOfSite(siteId: string) {
    return WORLD_MERCHANTS.filter((m) => m.siteId === siteId)
  }
  async listTags() {
    return defaultTags(TAGS_SEEDED_AT)
  }
}
