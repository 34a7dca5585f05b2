import { classifyIndustry, isProfessionalClaim } from '../../src/domain/extract/classify-industry'
import { proposeDemands } from '../../src/domain/extract/demands'
import { classifyProblemType } from '../../src/domain/extract/problem-type'

// Keyword patterns that look a few characters ahead stay inside one clause: they stop at every clause
// end of text.ts's CLAUSE_END (；：! ? and the ASCII comma too), not only at ，and 。.
describe('classifier keyword rules (industry, problem type, demands) stop at the end of a clause', () => {
  it.each([';', '；', ':', '：', ',', '!', '？'])(
    'when a %j separates the buying from a count of people, then it is no bulk purchase for punitive damages',
    (mark) => {
      const text = `上周在超市买了牛奶${mark}全家12个人都喝了拉肚子，要求十倍赔偿`
      expect(isProfessionalClaim(text)).toBe(false)
      expect(classifyIndustry(text, null).value).not.toBe('职业索赔')
    },
  )

  it('when the count is in the clause of the buying, then it still is a bulk purchase', () => {
    expect(isProfessionalClaim('一次买了20瓶过期饮料，要求十倍赔偿')).toBe(true)
  })

  it.each([';', '：', ','])('when a %j ends the clause after 赔, then a fee in the next clause is no compensation demand', (mark) => {
    expect(proposeDemands(`店家说坏了不包赔${mark}运费还要我出`)?.value ?? []).not.toContain('compensation')
  })

  it('when 赔 and the sum share a clause, then it is a compensation demand', () => {
    expect(proposeDemands('店家至少得赔我们500元')?.value).toContain('compensation')
  })

  it.each([';', '：'])('when a %j separates 要求 from a 检测 in the next clause, then 检测 is no demand', (mark) => {
    expect(proposeDemands(`要求店家出面${mark}检测结果早就出来了`)?.value ?? []).not.toContain('other')
  })

  it.each([';', '：'])('when a %j separates 称 from 少了, then the scale is no price grievance', (mark) => {
    const text = `店员称${mark}少了一颗扣子是正常的`
    expect(classifyProblemType(text, '一般消费纠纷', false).value).not.toBe('价格')
    expect(classifyIndustry(text, null).value).not.toBe('价格')
  })

  it('when the weighing and the shortfall share a clause, then it is a price grievance', () => {
    expect(classifyIndustry('回家再称少了二两', null).value).toBe('价格')
  })
})
