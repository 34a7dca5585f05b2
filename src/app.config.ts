// Main package: the consumer journey a QR code opens, which has to start fast.
// The merchant and station areas are subpackages, loaded only when someone goes there, so the
// main package stays far under WeChat's 2 MB limit.
export default defineAppConfig({
  pages: [
    'pages/consumer/home/index',
    'pages/consumer/complain/index',
    'pages/consumer/submitted/index',
    'pages/consumer/mine/index',
    'pages/consumer/case/index',
    'pages/consumer/lookup/index',
    'pages/consumer/inbox/index',
  ],
  subPackages: [
    { root: 'pages/merchant', pages: ['home/index', 'case/index', 'join/index', 'inbox/index', 'objection/index'] },
    {
      root: 'pages/station',
      pages: [
        'login/index',
        'board/index',
        'case/index',
        'proxy-file/index',
        'proxy-receipt/index',
        'transfer-letter/index', // 移送函 (issue 17.6)
        'settings/index',
        'merchants/index',
        'merchant/index',
        'merchant-import/index',
        'posters/index',
        'inbox/index',
        'contacts/index',
        'consult/index',
        'consult/reply/index',
        'public-records/index', // 投诉信息公示: the site's threshold and the shops' objections
        'callbacks/index', // 回访抽查 and the review of ratings below 80 % (issue 19.1, 19.7)
        'bursts/index', // 突发消费事件 (issue 19.5)
        'stats/index', // 统计 (issue 18): the only page that loads ECharts
        'reports/index', // 导出与报表: case and statistics exports, monthly and quarterly PDFs (issue 18.5, 18.6)
      ],
    },
    // staff binding (issue 15): a WeChat identity becomes a station, proxy or regulator account;
    // the administrator's 管理 pages: sites, staff accounts and their binding codes
    // 投诉信息公示 (issue 19.2): public, reached from the landing page; its own small subpackage
    { root: 'pages/public', pages: ['records/index'] },
    // 我要咨询 (issue 17), reached from the landing page: its own subpackage (same path) so that the
    // reply library it shares with the station's answer page (≈ 15 KB) leaves the main package
    // (docs/first-page.md); the landing page downloads it ahead (preloadRule below)
    { root: 'pages/consumer/consult', pages: ['index'] },
    {
      root: 'pages/staff',
      pages: ['bind/index', 'admin/home/index', 'admin/sites/index', 'admin/staff/index', 'admin/account/index', 'admin/tags/index'],
    },
  ],
  // the consultation page opens as fast as when it was in the main package: WeChat fetches its
  // subpackage while the person is on the landing page
  preloadRule: { 'pages/consumer/home/index': { network: 'all', packages: ['pages/consumer/consult'] } },
  // Voice input (issue 7): WeChat's 同声传译 plugin recognises speech on the phone. It must also be
  // added to the mini-program in the WeChat admin console (设置 → 第三方设置 → 插件管理), or
  // requirePlugin throws and the form falls back (src/api/recorder.weapp.ts).
  plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
  // A fast-track team member's 我已到场 may carry where they are (issue 17, docs/fast-track-and-rewards.md).
  // WeChat refuses getLocation unless it is declared here, and shows `desc` when it asks the person;
  // the location is optional, asked only on that tap, and read only by the case's own station.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于快速响应到场签到时记录到场位置（可不提供）' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '快诉',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f3f5f8',
  },
})
