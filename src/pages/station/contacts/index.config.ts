export default definePageConfig({ navigationBarTitleText: '通知联系人' })
