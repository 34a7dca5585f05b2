import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../../src/domain/extract/extraction.schema'
import { proposePurchaseDate } from '../../src/domain/extract/purchase-date'

const PAGE = new Date('2024-06-20T12:00:00+08:00')
const dateOf = (text: string, ref: Date | null = PAGE) => {
  const d = proposePurchaseDate(text, ref)
  return d && d.confidence >= 0.5 ? d.value : null
}

describe('the purchase date', () => {
  it('when a full date is followed by a purchase, then it is the date', () => {
    expect(dateOf('2023年11月5日，吴先生在一家家电城买了一台烤箱，12月2日烤箱就不加热了')).toBe('2023-11-05')
  })

  it('when a breakdown or complaint date comes first, then the purchase date still wins', () => {
    expect(dateOf('3月8日她向消委会投诉称，她2月14日在花店订了一束花，送来的花全蔫了')).toBe('--02-14')
  })

  it('when the text states only a year and month, then the value is that precise', () => {
    expect(dateOf('2022年7月，车主在4S店提了一辆新车')).toBe('2022-07')
  })

  it('when a month-day has no year but the text stated one earlier, then that year is taken', () => {
    expect(dateOf('2021年春天开始装修。5月9日，他和装修公司签了合同')).toBe('2021-05-09')
  })

  it('when a month-day has no year and the page has no date, then it is written --MM-DD', () => {
    expect(dateOf('9月3日，李阿姨在药店买了一盒降压药', null)).toBe('--09-03')
  })

  it('when a month-day is long before the page date and no year is stated, then the year stays open', () => {
    expect(dateOf('1月6日，他在商场买了一双运动鞋')).toBe('--01-06')
  })

  it('when a month-day is a few days before the page date, then it is in the page’s year', () => {
    expect(dateOf('6月15日，王女士在一家餐馆吃饭后腹泻')).toBe('2024-06-15')
  })

  it('when the text says 去年 or 今年, then the page date fixes the year; without one the month stays', () => {
    expect(dateOf('去年10月，老人在一家保健品公司买了六瓶鱼油')).toBe('2023-10')
    expect(dateOf('去年10月，老人在一家保健品公司买了六瓶鱼油', null)).toBe('--10')
  })

  it('when the text says 前天 or 三天前, then it counts from the page date, and not at all without one', () => {
    expect(dateOf('前天她在超市买的面包发霉了')).toBe('2024-06-18')
    expect(dateOf('三天前在网上订的酒店被取消了')).toBe('2024-06-17')
    expect(dateOf('前天她在超市买的面包发霉了', null)).toBeNull()
  })

  it('when a day follows a stated month, then the month carries over', () => {
    expect(dateOf('8月30日他致电热线。原来，他27日在夜市吃了烧烤', null)).toBe('--08-27')
  })

  it('when a later mention makes the chosen date more precise, then the precise one is taken', () => {
    expect(dateOf('2022年3月，她在一家琴行报了钢琴课。2022年3月18日交的学费', null)).toBe('2022-03-18')
  })

  it('when a date is when a message arrived or the reporter came, then it is not the purchase date', () => {
    expect(dateOf('5月3日，会员们收到一条短信，说健身房要装修', null)).toBeNull()
  })

  it('when the text says 同年, then the month takes the year stated before', () => {
    expect(dateOf('2020年春天房子交付。同年8月，他和装修公司签了合同', null)).toBe('2020-08')
  })

  it('when a festival is named with a year, then its month is the date', () => {
    expect(dateOf('2019年国庆期间，他在商城花4000元买了一台空调', null)).toBe('2019-10')
  })

  it('when the only date is when the shop closed, then there is no proposal', () => {
    expect(dateOf('2023年4月2日，这家健身房突然关门停业，会员们找不到人')).toBeNull()
  })

  it('when the extractor runs with a page date, then purchaseDate is proposed and the schema holds', () => {
    const x = extractComplaint('去年12月，她在一家美容院办了一张卡', { now: new Date('2026-12-05T10:00:00+08:00'), referenceDate: PAGE })
    expect(x.purchaseDate?.value).toBe('2023-12')
    expect(ExtractionSchema.safeParse(x).success).toBe(true)
  })

  it('when no reference date is given, then the instant of speaking is the reference', () => {
    const x = extractComplaint('昨天在超市买的牛奶是坏的', { now: new Date('2026-03-10T10:00:00+08:00') })
    expect(x.purchaseDate?.value).toBe('2026-03-09')
  })
})

describe('which date is the purchase date in published texts (train split)', () => {
  it('when the first date has no purchase word after it, then it is only a suggestion', () => {
    const d = proposePurchaseDate('2023年3月,张女士家的冰箱声音特别大,一家人晚上睡不好', PAGE)
    expect(d?.value).toBe('2023-03')
    expect(d?.confidence).toBeLessThan(0.5)
  })

  it('when a purchase word follows a later date, then it does not count for the date before it', () => {
    expect(dateOf('妻子预产期在今年5月初,去年10月,曲先生就订下了月子会所', null)).toBe('--10')
  })

  it('when a date is what someone planned, then it is not the purchase date', () => {
    expect(dateOf('小林打算2020年10月份办婚礼,2020年4月两人同某婚庆公司签了服务合同', null)).toBe('2020-04')
  })

  it('when a date is when the reader called the paper, then the purchase date is another one', () => {
    expect(dateOf('昨天,市民周女士打来热线,说她在超市买的冻鸭已经过期3个月。前天,周女士把冻鸭买回家', PAGE)).toBe('2024-06-18')
  })

  it('when "N天前" counts from an event the text names, then it is not read from the page date', () => {
    expect(dateOf('捷仕健身馆在宣布停业的5天前,店里还在搞活动,仍有人在充钱办卡', PAGE)).toBeNull()
  })

  it('when a vague 近日 comes before a purchase word, then the page month is only a suggestion', () => {
    const d = proposePurchaseDate('近日,王先生在一家商场买了一台电视', PAGE)
    expect(d?.value).toBe('2024-06')
    expect(d?.confidence).toBeLessThan(0.5)
  })
})
