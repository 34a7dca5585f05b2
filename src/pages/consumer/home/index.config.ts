export default definePageConfig({ navigationBarTitleText: '快诉 · 消费投诉' })
