import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { ExtractionSchema } from '../../src/domain/extract/extraction.schema'
import { proposeMerchantMention } from '../../src/domain/extract/merchant-mention'

const merchantOf = (text: string) => {
  const m = proposeMerchantMention(text)
  return m && m.confidence >= 0.5 ? m.value : null
}

describe('the merchant as the text names it', () => {
  it.each([
    ['上个月我在青禾大药房买了一盒感冒药，吃了没用', '青禾大药房'],
    ['赵女士在城西某某家具店订了一张沙发，到货后发现是旧的', '某某家具店'],
    ['他在小区门口一家超市买的酸奶已经胀袋了', '一家超市'],
    ['消费者称在某大药房买到了过期的维生素片', '某大药房'],
    ['老人和XX公司签了一份理疗合同，交了六千元', 'XX公司'],
    ['原告于2024年在A商行购买了十箱白酒', 'A商行'],
    ['孙先生在步行街的“木子里”服装店买了一件外套', '“木子里”服装店'],
  ])('when the text says %j, then the merchant is %j', (text, merchant) => {
    expect(merchantOf(text)).toBe(merchant)
  })

  it('when a housing estate is named by its residents, then the estate is the merchant', () => {
    expect(merchantOf('住在江北区翠湖名苑小区的业主们说，新房刚交付外墙就开裂了')).toBe('翠湖名苑')
  })

  it('when a quoted name is said to have closed, then it is the merchant', () => {
    expect(merchantOf('“悦动空间”人去楼空，几百名会员的卡都成了废卡')).toBe('悦动空间')
  })

  it('when a company runs an unnamed web shop, then the company is the merchant', () => {
    expect(merchantOf('他在某数码公司开的网店里买了一副耳机')).toBe('某数码公司')
  })

  it('when the consumer runs a shop of their own, then it is not the merchant', () => {
    expect(merchantOf('她在县城经营一家花店，上个月在网上订的花盆全碎了')).toBeNull()
  })

  it('when the seller is unnamed and only the platform is, then the platform is the merchant', () => {
    expect(merchantOf('我在拼多多上买的电热毯，用了两次就不热了')).toBe('拼多多')
  })

  it('when a platform and a shop on it are both named, then the shop wins', () => {
    expect(merchantOf('她在某电商平台的某旗舰店买了一台吸尘器')).toBe('某旗舰店')
  })

  it('when the text names no merchant beyond a bare word such as 超市 or 商家, then there is no proposal', () => {
    expect(merchantOf('买的牛奶过期了，超市不给退')).toBeNull()
    expect(merchantOf('商家一直拖着不发货')).toBeNull()
  })

  it('when the text only says 开发商 or 和店家协商, then these are not names', () => {
    expect(merchantOf('房子漏水，他多次找开发商，又和店家协商，都没结果')).toBeNull()
  })

  it('when a named company is defined with 以下简称, then the seller it names is the merchant', () => {
    expect(merchantOf('他经朋友介绍，从城南的宏达汽车销售有限公司（以下简称宏达公司）买了一辆车')).toBe('宏达汽车销售有限公司')
  })

  it('when a masked buyer shops on a masked platform, then the platform is not read across the buyer', () => {
    expect(merchantOf('彭某在某交易平台上某数码公司经营的店铺里买了一台相机')).toBe('某数码公司')
  })

  it('when a hospital is where the harm was treated, then it is not the merchant', () => {
    expect(merchantOf('吃完饭后肚子疼，家人送他到第三人民医院就诊')).toBeNull()
  })

  it('when 某 follows a surname, then it masks a person, not a shop', () => {
    expect(merchantOf('刘某在网上开店，张某从其店里买了茶叶')).toBeNull()
  })

  it('when the extractor runs, then the merchant is a span of the text and the result keeps its schema', () => {
    const text = '我昨天在鲜果坊水果店买了两斤葡萄，回家发现一半是烂的'
    const x = extractComplaint(text, { now: new Date('2026-03-10T10:00:00+08:00') })
    expect(x.merchant?.value).toBe('鲜果坊水果店')
    expect(text).toContain(x.merchant!.evidence)
    expect(ExtractionSchema.safeParse(x).success).toBe(true)
  })

  it("when the site's shops are listed, then shopName still comes from the list and merchant from the text", () => {
    const x = extractComplaint('那家优鲜超市的会员卡余额被清零了', {
      now: new Date('2026-03-10T10:00:00+08:00'),
      shops: [{ code: 'B3N8Q4', name: '鲜丰优鲜超市' }],
    })
    expect(x.shopCode?.value).toBe('B3N8Q4')
    expect(x.merchant?.evidence).toContain('优鲜超市')
  })
})

describe('the merchant in published texts (train split patterns)', () => {
  const named = merchantOf

  it('when a pet was treated at a pet hospital, then the pet hospital is the merchant', () => {
    expect(
      named(
        '宠物狗发抖、喘气,主人小红就带它到甲宠物医院看病,治了三天没好。后来小红带狗先后去了本市乙宠物诊所和沈阳的一家宠物医院,才查出病因',
      ),
    ).toBe('甲宠物医院')
  })

  it('when "这家" comes before a real name, then the name is the merchant', () => {
    expect(named('杭女士在这家百脑汇店充了近3000元,美发卡里也还有一千多元没花')).toBe('百脑汇店')
  })

  it('when a masked shop carries a quoted name, then the quoted name is the merchant', () => {
    expect(named('母亲经邻居推荐,去北京市西城区一家“科治好”门店体验')).toBe('科治好')
  })

  it('when a shop is named after the mall it is in, then the shop is the merchant', () => {
    expect(named('去年7月,她在河西郁金香家居建材广场林内专卖店订了一台热水器')).toBe('林内专卖店')
  })

  it('when 某网购平台 is where a shop sells, then 某网 is not taken for a website', () => {
    expect(named('唐某从某网购平台的一家官方旗舰店下单了一包玫瑰花茶')).toBe('一家官方旗舰店')
  })

  it('when the story says 去了 a named shop at the end of a sentence, then that shop is the merchant', () => {
    expect(named('她想染发,经同事推荐去了金华美缔造型理发店。店里给她漂了两次')).toBe('金华美缔造型理发店')
  })
})
