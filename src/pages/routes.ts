import Taro from '@tarojs/taro'

// Every page path in one place, so a rename breaks the build instead of a link. The paths match
// app.config.ts (main package + the merchant and station subpackages).
export const PAGES = {
  consumerHome: '/pages/consumer/home/index',
  complain: '/pages/consumer/complain/index',
  submitted: '/pages/consumer/submitted/index',
  mine: '/pages/consumer/mine/index',
  consumerCase: '/pages/consumer/case/index',
  lookup: '/pages/consumer/lookup/index',
  consumerInbox: '/pages/consumer/inbox/index',
  merchantHome: '/pages/merchant/home/index',
  merchantCase: '/pages/merchant/case/index',
  merchantInbox: '/pages/merchant/inbox/index',
  stationLogin: '/pages/station/login/index',
  stationBoard: '/pages/station/board/index',
  stationCase: '/pages/station/case/index',
  stationInbox: '/pages/station/inbox/index',
  stationSettings: '/pages/station/settings/index',
  stationStats: '/pages/station/stats/index', // 统计 (issue 18)
  proxyFile: '/pages/station/proxy-file/index',
  proxyReceipt: '/pages/station/proxy-receipt/index',
  transferLetter: '/pages/station/transfer-letter/index',
  stationReports: '/pages/station/reports/index', // 导出与报表 (docs/exports-and-reports.md)
  // the administrator's pages (staff subpackage, docs/admin-pages.md)
  adminHome: '/pages/staff/admin/home/index',
  adminSites: '/pages/staff/admin/sites/index',
  adminStaff: '/pages/staff/admin/staff/index',
  adminAccount: '/pages/staff/admin/account/index',
  adminTags: '/pages/staff/admin/tags/index', // 标签管理 (docs/tags.md)
  // 投诉信息公示 (public subpackage, docs/public-records.md)
  publicRecords: '/pages/public/records/index',
  merchantObjection: '/pages/merchant/objection/index',
  stationPublicRecords: '/pages/station/public-records/index',
  stationCallbacks: '/pages/station/callbacks/index', // 回访抽查 and 评价复核 (docs/callbacks.md)
  stationBursts: '/pages/station/bursts/index', // 突发消费事件 (docs/bursts-and-similar-cases.md)
} as const

export function withQuery(path: string, query: Record<string, string>): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
  return pairs.length ? `${path}?${pairs.join('&')}` : path
}

/** Router params arrive URI-encoded on some paths (WeChat's `scene` always); decode defensively. */
export function decodeParam(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value // a stray '%' — use it as it came
  }
}

export const goHome = () => Taro.reLaunch({ url: PAGES.consumerHome })
