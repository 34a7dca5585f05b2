/** @jest-environment jsdom */
// The other path of subscribe-prompt.test.ts: the same built pages when the deployment configured no
// template id (a copy of dist/weapp with all six empty, support/template-ids.ts). Then nothing may
// ask WeChat: the filing goes straight through, and the merchant inbox offers no 开启微信提醒.
import { subscribeWorld } from './support/subscribe-world'
import { NO_TEMPLATE_IDS } from './support/template-ids'

const world = subscribeWorld(NO_TEMPLATE_IDS)
const { prompts, recordCalls, submissions, redirects, tap } = world

test('when no template id is configured, then submit asks WeChat nothing and the complaint goes straight through', async () => {
  const p = await world.fillComplaint()

  tap(p, '.complaint__submit')
  await p.settle('redirected to the receipt', () => redirects.length > 0)

  expect(prompts).toEqual([])
  expect(submissions()).toHaveLength(1)
  expect(recordCalls()).toEqual([])
})

test('when no merchant template id is configured, then there is no 开启微信提醒 button', async () => {
  const p = await world.openInbox()
  expect(p.text()).not.toContain('开启微信提醒')
})
