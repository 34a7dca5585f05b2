export default definePageConfig({ navigationBarTitleText: '突发消费事件' })
