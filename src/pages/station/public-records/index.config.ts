export default definePageConfig({ navigationBarTitleText: '投诉信息公示' })
