export default definePageConfig({ navigationBarTitleText: '导出与报表' })
