import { proposeShop } from '../../../src/domain/extract/shops'

const SHOPS = [
  { code: 'A7K2M9', name: '小米之家(万达广场店)' },
  { code: 'B3N8Q4', name: '鲜丰优鲜超市' },
  { code: 'C5R2T7', name: '海底捞火锅(万达店)' },
  { code: 'H4M6K8', name: '鱼跃医疗器械专柜' },
]

describe('shop names', () => {
  it.each([
    ['那家优鲜超市的会员卡余额被清零了', 'B3N8Q4'],
    ['万达的小米店买的手机', 'A7K2M9'],
    ['海底捞的服务员态度很差', 'C5R2T7'],
    ['在鲜丰优鲜超市买的核桃', 'B3N8Q4'],
    ['在鱼跃专柜买的血压计', 'H4M6K8'],
  ])('when the site lists its shops and the text says %j, then the shop is %s', (text, code) => {
    const shop = proposeShop(text, SHOPS)
    expect(shop?.code).toBe(code)
    expect(shop?.name).toBe(SHOPS.find((s) => s.code === code)!.name)
  })

  it("when a word the site's shops share is all that matches, then no listed shop is picked", () => {
    expect(proposeShop('在万达附近买的', SHOPS)?.code ?? null).toBeNull()
  })

  it.each([
    ['在永辉超市买的车厘子', '永辉超市'],
    ['在楼下好又多超市买了一箱牛奶', '好又多超市'],
    ['在“老码头”饭店吃的酸菜鱼', '老码头饭店'],
    ['昨天在盒马买的三文鱼', '盒马'],
    ['在家乐福(五一广场店)购买了一桶油', '家乐福(五一广场店)'],
  ])('when no list matches and the text says %j, then the shop is %s', (text, name) => {
    expect(proposeShop(text, undefined)?.name).toBe(name)
  })

  it.each(['在眼镜店配的隐形眼镜', '在网上买的', '在小区门口的包子铺买的', '在一家宠物店洗的澡'])(
    'when the text only says what kind of shop (%j), then no name is proposed',
    (text) => {
      expect(proposeShop(text, undefined)).toBeNull()
    },
  )
})
