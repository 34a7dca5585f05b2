import { deriveIndustry } from '../../src/domain/extract/derive-industry'

describe('the industry line a filing derives (issue 16.6)', () => {
  it('when the complaint is about the price, then it is 价格 whatever the shop is registered as', () => {
    expect(deriveIndustry('结账的时候发现多收了我二十块钱，标价和收费不一样', '', '食品')).toBe('价格')
  })

  it('when it is a bulk buy for ten-fold damages, then it is 职业索赔', () => {
    expect(deriveIndustry('本人在贵店购买了20瓶过期饮料，要求退一赔十', '', '商超')).toBe('职业索赔')
  })

  it('when the words clearly name a trade, then that trade decides', () => {
    expect(deriveIndustry('在药房买的感冒药胶囊，回家发现已经过期了', '', '商超')).toBe('药品')
  })

  it('when nothing stands out, then the shop’s registered line is kept', () => {
    expect(deriveIndustry('店员态度很差，说话很难听，我很不满意', '', '汽车')).toBe('汽车')
  })

  it('when nothing stands out and the shop has no line, then it is 一般消费纠纷', () => {
    expect(deriveIndustry('店员态度很差，说话很难听，我很不满意', '', null)).toBe('一般消费纠纷')
  })
})
