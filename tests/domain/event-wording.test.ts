import { EVENT_TYPES, type EventType } from '../../src/domain/case.schema'
import { eventWords, type WordedEvent } from '../../src/domain/workflow/event-wording'
import { escalationEvent } from '../../src/domain/workflow/escalation-event'
import { describeDetails } from '../../src/domain/workflow/event-details'

// Every event type has words, and the words say what happened (issue 16.4). The table is keyed by
// every type: a new type without a row here fails, as does a row whose words drift.
const WORDS: Record<EventType, string> = {
  submitted: '提交投诉',
  accepted: '维权站已受理',
  rejected: '不予受理',
  transferred: '已转交有管辖权的单位',
  dispatched: '已转商家处理',
  answered: '商家已答复',
  checked_in: '商家已到场',
  offer_accepted: '消费者接受商家方案',
  offer_refused: '消费者不接受商家方案',
  escalated: '商家超时未响应，转维权站调解',
  station_mediation: '维权站介入调解',
  mediated: '调解成功',
  mediation_ended: '终止调解',
  closed: '已办结',
  withdrawn: '消费者撤回',
  reopened: '回访不满意，重新处理',
  onsite_required: '维权站要求商家到场处置',
  extended: '复杂案件，办结期限延长',
  rated: '消费者评价',
  return_visited: '维权站回访',
  returned: '转办被退回',
  transfer_confirmed: '已收到移送回执',
  industry_changed: '更改所属行业',
  answered_complainant: '维权站已答复投诉人',
  case_number_sent: '已告知投诉人案件编号及办理时限',
  mediation_suspended: '调解中止，期限暂停计算',
  mediation_resumed: '恢复调解，期限继续计算',
  fast_tracked: '启动快速响应',
  fast_track_dispatched: '快速响应已派单',
  fast_track_feedback: '快反队伍反馈处置情况',
}

const plain = (type: EventType, over: Partial<WordedEvent> = {}): WordedEvent => ({ type, actorRole: 'station', details: null, ...over })

describe('timeline wording', () => {
  it.each(EVENT_TYPES.map((t) => [t]))('when the timeline shows a %s event, then it has its own words from the table', (type) => {
    expect(Object.keys(WORDS)).toContain(type) // a new event type needs its row here
    const words = eventWords(plain(type))
    expect(words).toBe(WORDS[type])
    expect(words.trim().length).toBeGreaterThan(1)
  })

  it('when the table is read, then no two event types share their words (each cause reads differently)', () => {
    const words = EVENT_TYPES.map((t) => eventWords(plain(t)))
    expect(new Set(words).size).toBe(words.length)
  })

  it('when one type covers several facts, then the event itself picks the words: a report, a proxy filing, a filing straight to the shop', () => {
    expect(eventWords(plain('submitted', { actorRole: 'consumer' }), 'report')).toBe('提交举报')
    expect(eventWords(plain('submitted', { actorRole: 'proxy' }))).toBe('代为提交投诉')
    expect(eventWords(plain('submitted', { actorRole: 'consumer', details: { kind: 'direct_to_merchant', responseMinutes: 45 } }))).toBe(
      '提交投诉，已直接送达商家',
    )
    expect(eventWords(plain('withdrawn', { actorRole: 'consumer' }), 'report')).toBe('举报人撤回')
  })

  it('when staff change the industry line, then the timeline says from what to what, whoever reads it', () => {
    const details = { kind: 'industry' as const, from: '食品' as const, to: '价格' as const }
    expect(eventWords(plain('industry_changed', { actorRole: 'regulator', details }))).toBe('更改所属行业')
    expect(describeDetails(details)).toBe('所属行业由「食品」改为「价格」')
  })

  it('when an escalation is recorded, then the clock running out and the station choosing to mediate are different events', () => {
    const running = { dueAt: '2026-03-10T02:45:00.000Z', stoppedAt: null }
    const before = new Date('2026-03-10T02:01:00.000Z') // 44 minutes before the deadline
    const after = new Date('2026-03-10T02:46:00.000Z')
    expect(escalationEvent('station', running, before)).toBe('station_mediation')
    expect(escalationEvent('station', running, after)).toBe('escalated')
    expect(escalationEvent('system', running, before)).toBe('escalated')
    expect(escalationEvent('station', { ...running, stoppedAt: '2026-03-10T02:10:00.000Z' }, after)).toBe('station_mediation') // answered in time
    expect(escalationEvent('regulator', undefined, after)).toBe('station_mediation')
  })

  it('when a case came in at the desk, then the filing says by which channel, with the 转办单号 and received time in its line', () => {
    const details = {
      kind: 'intake' as const,
      channel: 'hotline_12345' as const,
      handoverNo: 'ZB-0309-0042',
      receivedAt: '2026-03-09T08:30:00.000Z',
    }
    expect(eventWords(plain('submitted', { details }))).toBe('12345转办投诉')
    expect(eventWords(plain('submitted', { details: { ...details, channel: 'phone', handoverNo: '' } }))).toBe('电话登记投诉')
    expect(eventWords(plain('submitted', { details: { ...details, channel: 'walk_in', handoverNo: '' } }))).toBe('来访登记投诉')
    expect(describeDetails(details)).toBe('12345转办，转办单号 ZB-0309-0042，接收时间 2026年3月9日 16:30')
  })

  it('when a case is refused with a ground, then the timeline names the ground, and the line tells the complainant where to go', () => {
    const details = { kind: 'not_accepted' as const, reason: 'labour' as const }
    expect(eventWords(plain('rejected', { details }))).toBe('不予受理：劳动争议（属其他部门管辖）')
    expect(describeDetails(details)).toContain('劳动仲裁')
  })

  it('when a case is transferred, then the words say where it went; its receipt and its 退回 have their own words', () => {
    const base = { kind: 'transfer' as const, toSiteId: '', toName: '区人社局', fromSiteId: 'site-a' }
    expect(eventWords(plain('transferred', { details: { ...base, destination: 'site', toSiteId: 'site-b', toName: '滨江天街' } }))).toBe(
      '转至系统内其他站点办理',
    )
    expect(eventWords(plain('transferred', { details: { ...base, destination: 'department' } }))).toBe('移送其他行政部门处理')
    expect(eventWords(plain('transferred', { details: { ...base, destination: 'police' } }))).toBe('涉嫌犯罪，移送公安机关')
    expect(eventWords(plain('transferred', { details: { ...base, destination: 'cross_region' } }))).toBe('跨区域转办至外地市场监管部门')
    expect(eventWords(plain('transfer_confirmed', { details: { ...base, destination: 'department' } }))).toBe('已收到移送回执')
    expect(eventWords(plain('transfer_confirmed', { details: { ...base, destination: 'cross_region' } }))).toBe('已移送外地市场监管部门')
    expect(eventWords(plain('returned'))).toBe('转办被退回')
    expect(describeDetails({ ...base, destination: 'department' })).toBe('移送 区人社局 处理（已出具移送函）')
  })
})
