export default definePageConfig({ navigationBarTitleText: '代为登记投诉' })
