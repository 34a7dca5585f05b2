import type { Store } from '../../cloudfunctions/ports/store'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { NO_CLOCK_OVERRIDES } from '../../src/domain/clocks/clock-settings'

// Two sites, each with its own shop, so that every scoping rule has something to keep apart.
export const SITE_A: Site = {
  id: 'site-a',
  name: '星河广场',
  address: '星河路88号',
  hotline: '0571-88812315',
  clockSettings: NO_CLOCK_OVERRIDES,
}
export const SITE_B: Site = {
  id: 'site-b',
  name: '滨江天街',
  address: '滨江路1号',
  hotline: '0571-00012315',
  clockSettings: NO_CLOCK_OVERRIDES,
}
export const SHOP_A: Merchant = {
  id: 'shop-a',
  siteId: SITE_A.id,
  code: 'WDXG26',
  name: '味道小馆',
  industry: '食品',
  address: '星河路88号 B1-12',
  booth: 'B1-12',
  uscc: '91330106MA2K00001K',
  // not signed: a complaint here takes the station's road (受理 → 转商家处理), which most suites walk;
  // the straight-to-the-shop road has its own shop in tests/functions/direct-to-merchant.test.ts
  doubleCommitmentSigned: false,
  responseMinutes: 45,
  onSiteMinutes: 90,
  contactName: '周师傅',
  contactPhone: '13800000001',
}
export const SHOP_B: Merchant = {
  id: 'shop-b',
  siteId: SITE_B.id,
  code: 'BJSM01',
  name: '滨江数码',
  industry: '产品质量',
  address: '滨江路1号 2F-03',
  booth: '2F-03',
  uscc: '91330108MA2K00001G',
  doubleCommitmentSigned: false,
  responseMinutes: 45,
  onSiteMinutes: 90,
  contactName: '',
  contactPhone: '',
}

export async function seedTwoShops(store: Store) {
  for (const site of [SITE_A, SITE_B]) await store.saveSite(site)
  for (const shop of [SHOP_A, SHOP_B]) await store.saveMerchant(shop)
}
