import { EVENT_TYPES } from '../../../src/domain/case.schema'
import { SAMPLE_VARS } from '../../../src/domain/notify/preview'
import { NOTIFY_ROLES } from '../../../src/domain/notify/template-keys'
import { renderMessage } from '../../../src/domain/notify/templates'

// The inbox is read in the mini-program AND in the H5 build (issue 16: "请进入小程序查看方案" inside the
// H5 build). Its messages therefore never send the reader into the mini-program; a WeChat subscribe
// message (subscribe-messages.ts), which only WeChat shows, may.
describe('inbox messages on every platform', () => {
  it.each(NOTIFY_ROLES.flatMap((role) => EVENT_TYPES.map((type) => [`${role}.${type}`])))(
    'when %s is rendered, then it does not point to the mini-program',
    (key) => {
      const result = renderMessage(key, SAMPLE_VARS)
      if (!result.ok) return // a key with no words yet is templates.test.ts's to report
      expect(`${result.message.title}\n${result.message.body}`).not.toContain('小程序')
    },
  )
})
