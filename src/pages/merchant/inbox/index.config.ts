export default definePageConfig({ navigationBarTitleText: '商户消息' })
