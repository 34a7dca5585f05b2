export default definePageConfig({ navigationBarTitleText: '站点消息' })
