import { assessUrgency } from '../../src/domain/extract/urgency'

// Urgency signals read in published, third-person complaints (real corpus, train split; docs/extract-labelling.md)
describe('urgency in real complaints', () => {
  it.each([
    ['往座位走的路上不小心滑倒受了伤,随后被送进医院治疗', 'injury'],
    ['到家不久就开始腹泻,儿子也闹肚子', 'injury'],
    ['洗眉之后脓水一直不停,林丽的脸整个肿了起来', 'injury'],
    ['朋友吃了以后出现恶心等不适', 'injury'],
    ['原告倪某等九人在第三方售票平台上买了门票', 'group'],
    ['和小赵一起报班的有二三十人', 'group'],
    ['被忽悠办了预付卡的100多人,30多万元资金下落不明', 'group'],
    ['一批办过季卡、年卡的消费者聚到俱乐部门前', 'group'],
    ['经朋友推荐,吴女士特地从莱阳到青岛做微整', 'visitor'],
    ['2个18岁的男孩从河南来杭州送外卖', 'visitor'],
    ['一位车主和店内员工吵得不可开交', 'happeningNow'],
  ] as const)('when the text says %j, then the %s signal is on', (text, signal) => {
    expect(assessUrgency(text).signals[signal]).toBe(true)
  })

  it.each([
    '3月15日张先生一家从外地回银川查看时发现,工程还是没完',
    '后来因为搬到外地定居,服务用不上了,要求退款被拒绝',
    '郑先生和某旅行社签了一份9日游的旅游合同',
    '先被哄着去参加“免费旅游”,接着又被哄着买保健食品',
    '婚礼当天,大屏幕上突然跳出色情视频,满场宾客哗然,婚宴现场一片尴尬',
    '出事时他正在厨房做饭,忽然发现燃气热水器报警',
    '打开吃了两口,发现米饭里有一团黑东西',
    '坐车路过博山区西外环路,看见了这家驾校报名处',
    '两人在一家理发店各花了300元',
  ])('when the text says %j, then nothing in it is urgent', (text) => {
    expect(assessUrgency(text).level).toBe('一般')
  })
})

describe('urgency words from the labelling rules (harm, three or more people)', () => {
  it.each([
    ['孩子住进来以后一直咳嗽', 'injury'],
    ['吃完以后全家出现不适,连夜叫了救护车', 'injury'],
    ['我们好多邻居都在这家办了卡', 'group'],
    ['我们一家四口在景区坐的游船', 'group'],
  ] as const)('when the text says %j, then the %s signal is on', (text, signal) => {
    expect(assessUrgency(text).signals[signal]).toBe(true)
  })

  it('when 不适 is part of 不适应, then nobody is hurt', () => {
    expect(assessUrgency('孩子根本不适应新老师,要求退剩下的学费').signals.injury).toBe(false)
  })

  it('when a cough is why the medicine was bought, then it is not harm from the purchase', () => {
    expect(assessUrgency('孩子咳嗽在药店买了一瓶止咳糖浆,打开发现封口是破的').signals.injury).toBe(false)
  })
})
