import { proposeDemands } from '../../../src/domain/extract/demands'

const demands = (text: string) => proposeDemands(text)?.value ?? []

describe('demands from complaint text', () => {
  it.each([
    ['要求退钱', ['refund']],
    ['要求退款', ['refund']],
    ['要求退货退款', ['refund']],
    ['店家说定金不退', ['refund']],
    ['给我换一个', ['exchange']],
    ['要求换货', ['exchange']],
    ['要求尽快修好', ['repair']],
    ['要求上门维修', ['repair']],
    ['售后说不在保修范围', ['repair']],
    ['要求赔偿', ['compensation']],
    ['要求假一赔三', ['compensation']],
    ['要求三倍赔偿', ['compensation']],
    ['要求退一赔三', ['refund', 'compensation']],
    ['要求店家赔礼道歉', ['apology']],
    ['给个说法', ['other']],
    ['要求退款并道歉', ['refund', 'apology']],
  ])('when the text says %j, then the demands are %j', (text, expected) => {
    expect(demands(text)).toEqual(expected)
  })

  it.each([
    ['拿去修了两次还是不行', 'repair'],
    ['途虎给我换的轮胎鼓包了', 'exchange'],
    ['退房的时候才告诉我要收费', 'refund'],
    ['吃了药还是不退烧', 'refund'],
    ['保修期内就坏了', 'repair'],
    ['我不要退款，只要他们道歉', 'refund'],
  ])('when the text says %j, then %s is not a demand', (text, demand) => {
    expect(demands(text)).not.toContain(demand)
  })

  it('when nothing is asked for, then no demand is proposed', () => {
    expect(proposeDemands('这家店的东西太难吃了')).toBeNull()
  })
})
