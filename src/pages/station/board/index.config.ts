export default definePageConfig({ navigationBarTitleText: '维权站工作台' })
