// npm run preview:templates: every notification the workflow can send, rendered with sample values —
// the in-app / WeCom / SMS wording and, where the key has one, the WeChat subscribe-message fields —
// so the whole set can be read and reviewed at once. `-- --key consumer.accepted` shows one key.
import { previewAll } from '../src/domain/notify/preview'

const keyArg = process.argv.indexOf('--key')
const only = keyArg > 0 ? process.argv[keyArg + 1] : null
const previews = previewAll().filter((p) => !only || p.key === only)
for (const p of previews) {
  console.log(`\n[${p.key}]`)
  if (p.error) console.log(`  ✗ ${p.error}`)
  if (p.message) console.log(`  ${p.message.title}\n  ${p.message.body.replace(/\n/g, '\n  ')}`)
  if (p.subscribe) {
    const fields = Object.entries(p.subscribe.data).map(([k, v]) => `${k}=${v.value}`)
    console.log(`  订阅消息 ${p.subscribe.templateSlot}: ${fields.join(' | ')}`)
  }
}
console.log(`\n${previews.length} 个模板${previews.some((p) => p.error) ? '，有渲染失败的，见 ✗' : ''}`)
process.exitCode = previews.some((p) => p.error) ? 1 : 0
