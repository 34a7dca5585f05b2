import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { NO_CLOCK_OVERRIDES } from '../../src/domain/clocks/clock-settings'
import type { StaffRole } from '../../src/domain/identity'

// The demo mall every fresh install starts with. Fixed ids and codes so that docs, printed posters
// and tests can name them; names and numbers are invented.
export const DEMO_SITE: Site = {
  id: 'site-demo-mall',
  name: '星河广场',
  address: '星河路88号',
  hotline: '0571-88812315',
  clockSettings: NO_CLOCK_OVERRIDES,
}

const shop = (id: string, code: string, name: string, industry: Merchant['industry'], booth: string): Merchant => ({
  id,
  siteId: DEMO_SITE.id,
  code,
  name,
  industry,
  address: `${DEMO_SITE.address} ${DEMO_SITE.name}${booth}`,
  booth,
})

export const DEMO_MERCHANTS: Merchant[] = [
  shop('m-demo-restaurant', 'WDXG26', '味道小馆', '食品', 'B1-12'),
  shop('m-demo-market', 'YXCS26', '优选生活超市', '商超', 'B1-01'),
  shop('m-demo-pharmacy', 'KNYF26', '康宁大药房', '药品', '1F-08'),
  shop('m-demo-fashion', 'CLFS26', '潮流服饰', '一般消费纠纷', '2F-21'),
  shop('m-demo-digital', 'JSSM26', '极速数码家电', '产品质量', '3F-05'),
  shop('m-demo-auto', 'AXQC26', '安心汽车美容', '汽车', 'P1-03'),
]

/** The shop the demo merchant clerk is bound to. */
export const DEMO_CLERK_MERCHANT = DEMO_MERCHANTS[0]

export interface DemoStaff {
  id: string
  username: string
  displayName: string
  role: StaffRole
  siteId: string | null
}

export const DEMO_STAFF: DemoStaff[] = [
  { id: 'staff-demo-station', username: 'station', displayName: '星河广场维权站 王芳', role: 'station', siteId: DEMO_SITE.id },
  { id: 'staff-demo-proxy', username: 'proxy', displayName: '星河社区代帮办点 张敏', role: 'proxy', siteId: DEMO_SITE.id },
  { id: 'staff-demo-regulator', username: 'regulator', displayName: '星河市场监管所 陈杰', role: 'regulator', siteId: null },
]
