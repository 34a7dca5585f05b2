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
  ],
  subPackages: [
    { root: 'pages/merchant', pages: ['home/index', 'case/index'] },
    { root: 'pages/station', pages: ['login/index', 'board/index', 'case/index', 'proxy-file/index', 'proxy-receipt/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '快诉',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f3f5f8',
  },
})
