import fc from 'fast-check'
import { EVENT_TYPES } from '../../../src/domain/case.schema'
import { CLOCK_IDS } from '../../../src/domain/clocks/clock-rules'
import { SUBSCRIBE_SLOTS, subscribeDataFor, subscribePageFor, type SubscribeVars } from '../../../src/domain/notify/subscribe-messages'
import { ALERT_STAGES, allTemplateKeys, NOTIFY_ROLES } from '../../../src/domain/notify/template-keys'
import { fieldTypeOf, validateSubscribeData } from '../../../src/domain/notify/wechat-fields'

const vars: SubscribeVars = {
  caseNo: 'KS-20261122-0007',
  merchantName: '老王记手机维修',
  at: '2026-11-22T06:05:00Z',
  dueAt: '2026-11-22T06:50:00Z',
}

const keys = [
  ...NOTIFY_ROLES.flatMap((role) => EVENT_TYPES.map((type) => `${role}.${type}`)),
  ...CLOCK_IDS.flatMap((id) => ALERT_STAGES.map((stage) => `clock.${id}.${stage}`)),
]

const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom('😀', '👨‍👩‍👧', '🇨🇳', '店', 'A', '\n', '{caseNo}'), { minLength: 15, maxLength: 80 }).map((a) => a.join('')),
)

describe('WeChat subscribe messages', () => {
  it('when the consumer is told the case was accepted, then the payload fills the 受理通知 slot', () => {
    expect(subscribeDataFor('consumer.accepted', vars)).toEqual({
      templateSlot: 'consumer_accepted',
      data: {
        thing1: { value: '老王记手机维修' },
        character_string2: { value: 'KS-20261122-0007' },
        time3: { value: '2026年11月22日 14:05' },
        phrase4: { value: '已受理' },
      },
    })
  })

  it.each([
    ['consumer.accepted', 'consumer_accepted'],
    ['consumer.answered', 'consumer_answered'],
    ['consumer.closed', 'consumer_closed'],
    ['consumer.return_visited', 'consumer_return_visit'],
    ['merchant.dispatched', 'merchant_new_case'],
    ['clock.merchant_response.reminded', 'merchant_clock_warning'],
    ['clock.on_site.overdue', 'merchant_clock_warning'],
  ])('when the key is %s, then the slot is %s', (key, slot) => {
    expect(subscribeDataFor(key, vars)?.templateSlot).toBe(slot)
  })

  it('when every slot is listed, then some workflow key reaches it', () => {
    const reached = new Set(keys.map((k) => subscribeDataFor(k, vars)?.templateSlot).filter(Boolean))
    expect([...reached].sort()).toEqual([...SUBSCRIBE_SLOTS].sort())
  })

  it.each(['consumer.rejected', 'station.accepted', 'merchant.closed', 'clock.completion.overdue', 'nonsense'])(
    'when the key is %s, then there is no subscribe message',
    (key) => {
      expect(subscribeDataFor(key, vars)).toBeNull()
    },
  )

  it('when the recipient is not the slot audience, then there is no subscribe message', () => {
    expect(subscribeDataFor('clock.merchant_response.overdue', vars, 'station')).toBeNull()
    expect(subscribeDataFor('clock.merchant_response.overdue', vars, 'merchant')).not.toBeNull()
  })

  it('when a merchant clock warns, then the deadline is the time and the stage is the phrase', () => {
    const payload = subscribeDataFor('clock.merchant_response.urged', vars)
    expect(payload?.data).toMatchObject({
      thing1: { value: '商家响应时限' },
      time3: { value: '2026年11月22日 14:50' },
      phrase4: { value: '即将到期' },
    })
  })

  it('when the event instant is unreadable, then there is no payload rather than a bad one', () => {
    expect(subscribeDataFor('consumer.accepted', { ...vars, at: 'soon' })).toBeNull()
  })

  it('when merchant names and notes are long, emoji or multi-line, then every payload is within WeChat limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allTemplateKeys()),
        awkwardText,
        fc.option(awkwardText, { nil: undefined }),
        (key, merchantName, note) => {
          const payload = subscribeDataFor(key, { ...vars, merchantName, note })
          if (!payload) return
          expect(validateSubscribeData(payload.data)).toEqual([])
          for (const [field, { value }] of Object.entries(payload.data)) {
            if (fieldTypeOf(field) === 'thing') expect([...value].length).toBeLessThanOrEqual(20)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('when a tap opens the case, then the page has no leading slash and carries the id', () => {
    expect(subscribePageFor('merchant_new_case', 'c 1')).toBe('pages/merchant/case/index?id=c%201')
  })
})
