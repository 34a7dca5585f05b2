// Purchase-date rules mended from the real corpus's train misses (docs/extract-spans.md, third pass).
// Each case is a short restatement of a train miss's shape, not its text.
import { proposePurchaseDate } from '../../src/domain/extract/purchase-date'

const PAGE = new Date('2024-06-20T12:00:00+08:00')
const dateOf = (text: string, ref: Date | null = PAGE) => {
  const d = proposePurchaseDate(text, ref)
  return d && d.confidence >= 0.5 ? d.value : null
}

describe('the purchase date: words that are not dates', () => {
  it('when 今年 is followed by an age, then it is no date and the stated purchase date wins', () => {
    expect(dateOf('今年80岁的消费者丁女士到法院讨个说法。2016年8月25日,丁女士花8900元买了3套保健品')).toBe('2016-08-25')
  })

  it('when 2号 names a gate or a floor, then it is no day of the month', () => {
    expect(dateOf('2月8日她在万达广场2号门外的摊位上买了一台平板电脑', null)).toBe('--02-08')
  })

  it('when 最近 means nearest (最近的药店), then it is no date', () => {
    expect(proposePurchaseDate('他家最近的药店关门了', PAGE)).toBeNull()
  })

  it('when 花 is part of a street name, then it is no purchase word', () => {
    expect(dateOf('6月2日,在樱花路一家理发店门口,马女士说起了她的遭遇')).toBeNull()
  })

  it('when 付 is part of 支付宝, then it is no purchase word', () => {
    expect(dateOf('今年5月8日,她翻看支付宝账单,看到一笔自动扣费的记录')).toBeNull()
  })
})

describe('the purchase date: purchase words inside other words', () => {
  it.each([
    '3月5日,他坐出租车回了家',
    '3月5日,消委会办公室接到了她的电话',
    '3月5日,他把新手机充满了电,屏幕还是不亮',
    '3月5日,孩子被送进医院抢救',
    '3月5日,快递员上门,她签收了包裹',
    '3月5日,她吃惊地看到了账单',
  ])('when the text says %j, then the date is only a suggestion', (text) => {
    expect(dateOf(text, null)).toBeNull()
  })
})

describe('the purchase date: which date', () => {
  it('when two months are joined by 和, then the first shares the purchase word', () => {
    expect(dateOf('杨小姐在2020年9月和11月两次为孩子报了补习课程')).toBe('2020-09')
  })

  it('when 今年 was said before a month-day, then the month-day is in the page’s year too', () => {
    expect(dateOf('今年1月,她搬了家。3月17日,她在超市买了一台冰箱')).toBe('2024-03-17')
  })

  it('when a range of months comes before the purchase, then its start is the date', () => {
    expect(dateOf('2012年11月至2013年5月,杨女士在美发店办了会员卡')).toBe('2012-11')
  })

  it('when a closure is said before any purchase word, then the date is the closure, not the purchase', () => {
    expect(dateOf('2023年6月28日,城南游乐园的游泳馆毫无征兆地关门倒闭,已办的卡没法用了')).toBeNull()
  })

  it('when a stated date opens the story at a shop, then it is a fair guess above the floor; at its door it is not', () => {
    expect(dateOf('2017年1月17日,苏先生在东莞市某汽车品牌4S店用按揭方式', null)).toBe('2017-01-17')
    expect(dateOf('6月2日,在樱花路一家理发店门口,马女士说起了她的遭遇')).toBeNull()
    expect(dateOf('6月2日,在一家理发店里,记者见到了马女士')).toBeNull()
  })

  it('when a visit found the shop closed, then it is no purchase', () => {
    expect(dateOf('今年4月份,胶州市民李先生去胶州维客超市购物,却发现超市已经关门不营业')).toBeNull()
  })

  it('when 消费者 is followed by a complaint, then it names the buyer and is no purchase word', () => {
    expect(dateOf('2024年2月26日,消费者李女士到东兴区消委会办公室投诉说:她母亲在摊位上买了一台平板电脑')).toBeNull()
  })

  it('when someone came to the counter to complain, then the visit is no purchase', () => {
    expect(dateOf('6月5日下午,童女士来到商场这个专柜,要店家给个解释')).toBeNull()
    expect(dateOf('6月5日下午,童女士来到商场这个专柜,又买了一双靴子')).toBe('2024-06-05')
  })

  it('when 到了 is followed by the next date, then it is not a visit', () => {
    expect(dateOf('第二个疗程在2019年10月4日做完,到了12月份,她的脸越来越肿')).toBeNull()
  })

  it('when a count back (两年前) and a stated date both precede a purchase, then the stated date wins', () => {
    const ref = new Date('2013-01-07T12:00:00+08:00')
    expect(dateOf('两年前,毕师傅买了一台空调。2010年5月3日他在商厦花3100元买了这台空调', ref)).toBe('2010-05-03')
    expect(dateOf('两年前,毕师傅在商厦买了一台空调', ref)).toBe('2011')
  })

  it('when 前天 is said inside a quote, then it is only a suggestion: the quote may be older than the page', () => {
    expect(dateOf('“前天晚上才交了499元办会员卡,商家就跑路了。”卢先生介绍')).toBeNull()
    expect(dateOf('前天晚上卢先生交了499元办会员卡')).toBe('2024-06-18')
  })

  it('when the eve of a one-day festival is named, then the date is the day before it', () => {
    expect(dateOf('元旦前一天,她和同事每人花400元办了一张季卡', null)).toBe('--12-31')
    expect(dateOf('2019年元旦前一天,她花400元办了一张季卡', null)).toBe('2018-12-31')
  })
})
