import { proposeAmount } from '../../../src/domain/extract/amounts'

const amount = (text: string) => proposeAmount(text)?.value ?? null

describe('amounts in complaint text', () => {
  it.each([
    ['手机两千九百九十九，用了一个月就坏了', '2999'],
    ['万达的小米店买的手机，两千九百九十九块', '2999'],
    ['花了¥2999买的', '2999'],
    ['付了 ￥12.50', '12.5'],
    ['这台电脑2999元', '2999'],
    ['车价1.2万，刚提车就坏', '12000'],
    ['二手车花了6.8万', '68000'],
    ['剪个头收了我三百五', '350'],
    ['押金一千二，一直不退', '1200'],
    ['一共3,299元', '3299'],
    ['二十八块八，要求退钱', '28.8'],
    ['两块五毛钱的东西', '2.5'],
    ['一根冰棍八毛钱', '0.8'],
    ['找零少给了五角钱', '0.5'],
    ['三十块钱一份的盒饭', '30'],
    ['壹仟贰佰元', '1200'],
    ['3千5买的按摩椅', '3500'],
  ])('when the text says %j, then the amount is %s', (text, value) => {
    expect(amount(text)).toBe(value)
  })

  it('when the sum is only roughly said (花了两百多), then it is proposed as 200 and less sure than an exact one', () => {
    const rough = proposeAmount('在他们家花了两百多，东西全是坏的')
    const exact = proposeAmount('在他们家花了230元，东西全是坏的')
    expect(rough?.value).toBe('200')
    expect(rough!.confidence).toBeLessThan(exact!.confidence)
  })

  it('when several sums are said, then the total paid wins over a unit price and a compensation claim', () => {
    expect(amount('进口红酒12瓶，每瓶198元，共计2376元，要求十倍赔偿23760元')).toBe('2376')
    expect(amount('说好的十二块钱一斤，我称了三斤，付了36块')).toBe('36')
  })

  it.each([
    ['买了999感冒灵颗粒，结果是过期的'],
    ['在老百姓大药房买的血压计，用了十天就黑屏'],
    ['大家千万别去这家店'],
    ['买了一块浪琴手表，走时不准'],
    ['车开了不到一千公里就坏了'],
    ['买了4个肉包子，吃出钉子'],
    ['每人花了三四万'],
  ])('when the text says %j, then no amount is read from it', (text) => {
    expect(amount(text)).toBeNull()
  })
})
