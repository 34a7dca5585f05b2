import { assessUrgency } from '../../../src/domain/extract/urgency'

describe('urgency signals', () => {
  it.each([
    ['孩子吃了过敏，起了一身疹子', 'injury'],
    ['手被烫伤了', 'injury'],
    ['吃坏肚子了', 'injury'],
    ['现在还在医院住院', 'injury'],
    ['我们好几个人都吃出了问题', 'group'],
    ['多名消费者反映', 'group'],
    ['大家都被坑了', 'group'],
    ['我是外地来的游客', 'visitor'],
    ['我明天就走了', 'visitor'],
    ['还要赶飞机', 'visitor'],
    ['我现在就在店里', 'happeningNow'],
    ['店员不让走', 'happeningNow'],
    ['已经吵起来了', 'happeningNow'],
  ] as const)('when the text says %j, then the %s signal is on', (text, signal) => {
    expect(assessUrgency(text).signals[signal]).toBe(true)
  })

  it.each(['幸好没受伤', '差点烫伤', '没有过敏'])('when the text says %j, then no injury is read', (text) => {
    expect(assessUrgency(text).signals.injury).toBe(false)
  })

  it('when someone is hurt or a group is affected, then it is 特急; a visitor or a dispute on the spot, 紧急; else 一般', () => {
    expect(assessUrgency('手被烫伤了').level).toBe('特急')
    expect(assessUrgency('我们一群人都被坑了').level).toBe('特急')
    expect(assessUrgency('我是来出差的，明天就走').level).toBe('紧急')
    expect(assessUrgency('我现在就在店里，老板不让走').level).toBe('紧急')
    expect(assessUrgency('买的衣服掉色了').level).toBe('一般')
  })

  it('when 现在 only says how things still are, then it is not a dispute going on now', () => {
    expect(assessUrgency('到现在都没退钱').signals.happeningNow).toBe(false)
    expect(assessUrgency('现在还在医院打点滴').signals.happeningNow).toBe(false)
  })
})
