import { EVENT_TYPES } from '../../../src/domain/case.schema'
import { CLOCK_STAGES } from '../../../src/domain/clocks/case-clock'
import { CLOCK_IDS, DEFAULT_CLOCK_RULES } from '../../../src/domain/clocks/clock-rules'
import { CLOCK_DUTY } from '../../../src/domain/notify/clock-copy'
import { EVENT_COPY } from '../../../src/domain/notify/event-copy'
import { previewAll, SAMPLE_VARS } from '../../../src/domain/notify/preview'
import { ALERT_STAGES, allTemplateKeys, NOTIFY_ROLES } from '../../../src/domain/notify/template-keys'
import { renderMessage, type RenderResult } from '../../../src/domain/notify/templates'

// The keys the workflow writes, taken from the domain's own lists (not from allTemplateKeys), so a new
// event type or clock is covered the day it is added.
const eventKeys = NOTIFY_ROLES.flatMap((role) => EVENT_TYPES.map((type) => `${role}.${type}`))
const clockKeys = CLOCK_IDS.flatMap((id) => ALERT_STAGES.map((stage) => `clock.${id}.${stage}`))
const producedKeys = [...eventKeys, ...clockKeys]

function rendered(result: RenderResult) {
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`)
  return result.message
}

const LEFTOVERS = /[{}]|\[\[|\]\]|undefined|null|（）|：。|：\n|：$/

describe('notify templates', () => {
  it.each(producedKeys)('when %s is rendered with every variable, then it has a title and a body with nothing left unfilled', (key) => {
    const message = rendered(renderMessage(key, SAMPLE_VARS))
    expect(message.title.length).toBeGreaterThan(1)
    expect(message.body).toContain(SAMPLE_VARS.caseNo)
    expect(`${message.title}\n${message.body}`).not.toMatch(LEFTOVERS)
  })

  it.each(producedKeys)('when %s is rendered with only a case number, then it still reads as a whole sentence', (key) => {
    const message = rendered(renderMessage(key, { caseNo: 'KS-20261122-0007' }))
    expect(message.body).toContain('KS-20261122-0007')
    expect(`${message.title}\n${message.body}`).not.toMatch(LEFTOVERS)
    expect(message.body).not.toMatch(/当前状态|说明：/)
  })

  it('when the clock stages are listed, then every stage that alerts has a template and the silent ones have none', () => {
    expect([...ALERT_STAGES].sort()).toEqual(CLOCK_STAGES.filter((s) => s !== 'running' && s !== 'stopped').sort())
    expect(renderMessage('clock.merchant_response.running', { caseNo: 'X' })).toMatchObject({ ok: false, code: 'UNKNOWN_TEMPLATE' })
  })

  it('when clocks escalate, then everyone in a chain is a role templates are written for', () => {
    const chained = new Set(Object.values(DEFAULT_CLOCK_RULES).flatMap((rule) => rule.escalation))
    for (const role of chained) expect(NOTIFY_ROLES).toContain(role)
  })

  it('when an event type or clock exists, then it has words of its own rather than the fallback', () => {
    expect(EVENT_TYPES.filter((type) => EVENT_COPY[type] === undefined)).toEqual([])
    expect(CLOCK_IDS.filter((id) => CLOCK_DUTY[id] === undefined)).toEqual([])
  })

  it.each([
    ['consumer.exploded'],
    ['proxy.accepted'],
    ['consumer.accepted.extra'],
    ['clock.no_such_clock.reminded'],
    ['clock.merchant_response.stopped'],
    [''],
    ['constructor.toString'],
  ])('when the key is %j, then an UNKNOWN_TEMPLATE value comes back instead of a throw', (key) => {
    expect(renderMessage(key, { caseNo: 'KS-20261122-0007' })).toEqual({
      ok: false,
      code: 'UNKNOWN_TEMPLATE',
      detail: expect.stringContaining(key),
    })
  })

  it('when dueAt is not an instant, then an INVALID_VARIABLE value names it', () => {
    expect(renderMessage('merchant.dispatched', { caseNo: 'K', dueAt: '明天下午' })).toMatchObject({
      ok: false,
      code: 'INVALID_VARIABLE',
      detail: expect.stringContaining('dueAt'),
    })
  })

  it('when a merchant gets a new case with a deadline, then the deadline shows in Shanghai time', () => {
    const message = rendered(renderMessage('merchant.dispatched', { caseNo: 'KS-20261122-0007', dueAt: '2026-11-23T06:30:00Z' }))
    expect(message).toEqual({
      title: '新投诉待处理',
      body: '涉及贵店的投诉（KS-20261122-0007）已转商家处理。\n请尽快联系消费者并提出处理方案，答复期限：11月23日 14:30。',
    })
  })

  it('when a deadline falls just after midnight in Shanghai on New Year, then the local date is shown', () => {
    const message = rendered(renderMessage('consumer.extended', { caseNo: 'K', dueAt: '2026-12-31T16:05:00Z' }))
    expect(message.body).toContain('延长至1月1日 00:05')
  })

  it('when a merchant has no deadline, then the deadline clause is left out', () => {
    expect(rendered(renderMessage('merchant.dispatched', { caseNo: 'K' })).body).toContain('请尽快联系消费者并提出处理方案。')
  })

  it.each([
    ['clock.merchant_response.reminded', '【提醒卡】商家响应时限过半', '时限已过半，将于11月23日 14:30到期'],
    ['clock.merchant_response.urged', '【催办卡】商家响应即将到期', '时限即将到期（11月23日 14:30）'],
    ['clock.completion.overdue', '【红牌】办结已超时', '已超过时限（应于11月23日 14:30前完成）'],
  ])('when %s is rendered, then it is the right card', (key, title, clause) => {
    const message = rendered(renderMessage(key, SAMPLE_VARS))
    expect(message.title).toBe(title)
    expect(message.body).toContain(clause)
  })

  it('when a clock label is given, then it replaces the rule label', () => {
    expect(rendered(renderMessage('clock.on_site.urged', { caseNo: 'K', clockLabel: '90分钟到场' })).title).toBe(
      '【催办卡】90分钟到场即将到期',
    )
  })

  it('when a merchant name holds braces and a line break, then they are shown as text on one line', () => {
    const message = rendered(renderMessage('station.escalated', { caseNo: 'K', merchantName: '{note}店\n二楼', note: 'secret' }))
    expect(message.body.split('\n')[0]).toBe('投诉K（{note}店 二楼）已转维权站调解。')
  })

  it('when every template is previewed, then each key renders once with its subscribe payload where one exists', () => {
    const previews = previewAll()
    expect(previews.map((p) => p.key)).toEqual(allTemplateKeys())
    expect(previews.filter((p) => p.error !== null)).toEqual([])
    expect(new Set(allTemplateKeys())).toEqual(new Set(producedKeys))
    expect(previews.find((p) => p.key === 'consumer.accepted')?.subscribe?.templateSlot).toBe('consumer_accepted')
  })
})
