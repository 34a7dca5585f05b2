export default definePageConfig({ navigationBarTitleText: '案件移送函' })
