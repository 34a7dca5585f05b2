export default definePageConfig({ navigationBarTitleText: '维权站登录' })
