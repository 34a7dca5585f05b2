import { classifyIndustry } from '../../src/domain/extract/classify-industry'

// Industry words of published complaints (real corpus, train split): the rules are one input of the stacker.
describe('industry words from real complaints', () => {
  it.each([
    ['店员称买后才能称重,不肯告诉她克重,这枚一口价金戒指花了2500元', '价格'],
    ['银行事先一点通知都没有,每年都收了他4000元的年费', '价格'],
    ['她想买些补水面膜,到货后觉得太黏,还有一股酒精味', '产品质量'],
  ] as const)('when the text says %j, then the rules route it to %s', (text, line) => {
    expect(classifyIndustry(text, null).value).toBe(line)
  })
})
