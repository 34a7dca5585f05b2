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

// Credit codes are invented but valid (GB 32100 check character worked out with usccCheckChar);
// every demo shop has signed the double commitment at the national 45 / 90 minutes.
const shop = (
  id: string,
  code: string,
  name: string,
  industry: Merchant['industry'],
  booth: string,
  uscc: string,
  contactName: string,
  contactPhone: string,
): Merchant => ({
  id,
  siteId: DEMO_SITE.id,
  code,
  name,
  industry,
  address: `${DEMO_SITE.address} ${DEMO_SITE.name}${booth}`,
  booth,
  uscc,
  doubleCommitmentSigned: true,
  responseMinutes: 45,
  onSiteMinutes: 90,
  contactName,
  contactPhone,
})

export const DEMO_MERCHANTS: Merchant[] = [
  shop('m-demo-restaurant', 'WDXG26', '味道小馆', '食品', 'B1-12', '91330106MA2K00001K', '周师傅', '13800000001'),
  shop('m-demo-market', 'YXCS26', '优选生活超市', '商超', 'B1-01', '91330106MA2K00002N', '吴店长', '13800000002'),
  shop('m-demo-pharmacy', 'KNYF26', '康宁大药房', '药品', '1F-08', '91330106MA2K00003R', '郑药师', '13800000003'),
  shop('m-demo-fashion', 'CLFS26', '潮流服饰', '一般消费纠纷', '2F-21', '92330108MA2T00001F', '冯女士', '13800000004'),
  shop('m-demo-digital', 'JSSM26', '极速数码家电', '产品质量', '3F-05', '91330106MA2K00004W', '褚经理', '13800000005'),
  shop('m-demo-auto', 'AXQC26', '安心汽车美容', '汽车', 'P1-03', '92330108MA2T00002J', '卫师傅', '13800000006'),
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
  // a second member of the station: return visits are made by someone other than whoever closed the case
  { id: 'staff-demo-station2', username: 'station2', displayName: '星河广场维权站 李强', role: 'station', siteId: DEMO_SITE.id },
  { id: 'staff-demo-proxy', username: 'proxy', displayName: '星河社区代帮办点 张敏', role: 'proxy', siteId: DEMO_SITE.id },
  { id: 'staff-demo-regulator', username: 'regulator', displayName: '星河市场监管所 陈杰', role: 'regulator', siteId: null },
]
