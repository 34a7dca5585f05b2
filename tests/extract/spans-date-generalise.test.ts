// Purchase-date rules mended after new train sources were added (docs/extract-spans.md, fourth pass): each
// case is a short restatement of a train miss's shape, not its text, and each fails on the rules before it.
import { proposePurchaseDate } from '../../src/domain/extract/purchase-date'

const dateOf = (text: string, ref: string | null = null) => {
  const d = proposePurchaseDate(text, ref ? new Date(`${ref}T12:00:00+08:00`) : null)
  return d && d.confidence >= 0.5 ? d.value : null
}

describe('the purchase date: who acts after the date', () => {
  it('when 消费者 only names the buyer and no purchase word follows, then the date is not proposed', () => {
    expect(dateOf('2021年4月26日,消费者张先生和一家装饰公司商量装修事宜时发生了分歧')).toBeNull()
  })

  it('when another consumer is brought in before the date, then that purchase is not this one', () => {
    expect(dateOf('还有一位邓女士,九月刚续交了一年的培训费,新课还没开')).toBeNull()
  })

  it('when the shop advertised at the date, then the later purchase is the date', () => {
    expect(dateOf('会所去年底就四处宣传招会员,她冲着开业前办卡有优惠,今年3月份办了两年的会员', '2016-10-18')).toBe('2016-03')
  })
})

describe('the purchase date: uses, refusals and ends are not purchases', () => {
  it('when the date is a return to the shop (还去洗过一次), then it is no purchase', () => {
    expect(dateOf('卡是去年冬天办的。9月中下旬他还去洗过一次车,10月初再去,店已经没了')).toBeNull()
  })

  it('when the purchase word is negated (没有登记入住), then it is no purchase', () => {
    expect(dateOf('3月5日她没有登记入住,酒店却把房费扣了')).toBeNull()
  })

  it('when the date ends a span (到2022年10月…已经充了), then the start of the story is the date', () => {
    const text = '2020年,他在新时代商业街一家美容美发店理发,服务员轮番推荐项目,他充了1万元。到2022年10月,他已经充了超过10万元'
    expect(dateOf(text)).toBe('2020')
  })

  it('when the date is a manufacture date (出厂日期为…), then it is no purchase, even with 购车款 after it', () => {
    expect(dateOf('车的出厂日期为2012年8月1日,购车款共计184500元')).toBeNull()
  })

  it('when 消费 is part of 消费欺诈, then it is no purchase word', () => {
    expect(dateOf('2021年9月这辆车就被标记为全损车,他以消费欺诈为由起诉了卖家')).toBeNull()
  })

  it('when 租 is part of 房租 (the rent), then it is no purchase word', () => {
    expect(dateOf('4月8日房东告诉她,好几个月没收到房租了,让她们搬家', '2020-06-05')).toBeNull()
  })

  it('when 消费 names a voucher (消费券), then it is no purchase word', () => {
    expect(dateOf('3月5日中午,11名顾客拿着手里的消费券守在商场门口')).toBeNull()
  })

  it('when the consumer sued at the date over a label (标签…告到法院), then it is no purchase', () => {
    expect(dateOf('2017年7月,王某以没有中文标签为由,把这家公司告到法院,要求退还货款并十倍赔偿', '2017-09-26')).toBeNull()
  })

  it('when a plan follows the date (今年暑假想补考), then it is no purchase', () => {
    expect(dateOf('今年暑假想补考,可一直约不到教练,说不预约考试就不给练', '2025-07-10')).toBeNull()
  })
})

describe('the purchase date: more purchase words and forms', () => {
  it('when a car was 看中 (picked) at the date, then that is the purchase', () => {
    expect(dateOf('2022年2月,赵先生在网上看中一辆二手车,售价46.2万元')).toBe('2022-02')
  })

  it('when the enrolment is said as 报的名, then that is the purchase', () => {
    expect(dateOf('去年1月,她帮女儿报的名,没拿到合同', '2025-07-10')).toBe('2024-01')
  })

  it('when a day follows 上月 (上月31日), then the date is that day of the month before the page', () => {
    expect(dateOf('上月31日她在商场三楼花70元买了一套衣服', '2008-04-09')).toBe('2008-03-31')
  })
})
