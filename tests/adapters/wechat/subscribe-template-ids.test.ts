import { subscribeTemplateIds, templateEnvName } from '../../../cloudfunctions/adapters/wechat/subscribe-template-ids'

describe('subscribe template ids from the environment', () => {
  it('when some slots have ids, then those map and the others are absent', () => {
    const env = { WECHAT_TMPL_CONSUMER_ACCEPTED: ' x5VnaxFdQSgE3K3JcR6mGz3fZ0kz5TtOaCzQ7Tg8c1E ', WECHAT_TMPL_MERCHANT_NEW_CASE: '' }
    expect(subscribeTemplateIds(env)).toEqual({ ok: true, ids: { consumer_accepted: 'x5VnaxFdQSgE3K3JcR6mGz3fZ0kz5TtOaCzQ7Tg8c1E' } })
  })

  it('when an id holds a quote or a space inside, then the variable is named in the error', () => {
    const result = subscribeTemplateIds({ [templateEnvName('merchant_clock_warning')]: '"abc def ghi"' })
    expect(result).toMatchObject({ ok: false, errors: { WECHAT_TMPL_MERCHANT_CLOCK_WARNING: expect.any(String) } })
  })
})
