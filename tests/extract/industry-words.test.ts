import { classifyIndustry } from '../../src/domain/extract/classify-industry'

// Industry words of published complaints (real corpus, train split): the rules are one input of the stacker.
describe('industry words from real complaints', () => {
  it.each([
    ['店员称买后才能称重,不肯告诉她克重,这枚一口价金戒指花了2500元', '价格'],
    ['银行事先一点通知都没有,每年都收了他4000元的年费', '价格'],
    ['她想买些补水面膜,到货后觉得太黏,还有一股酒精味', '产品质量'],
    // the labelling conventions' trades (docs/extract-labelling.md): banquets and 保健品 are 食品, dental work is
    // a service (一般消费纠纷), a therapy device sold as such is 医疗器械
    ['他在西湖大酒楼订了婚宴,交了3000元定金,酒楼却突然停业', '食品'],
    ['老人听完讲座,先后花了两万多元买保健品', '食品'],
    ['他在一家口腔诊所种植牙,装上的牙冠半年就松了,吃饭都疼', '一般消费纠纷'],
    ['母亲花4万元买回一台高压电位治疗仪', '医疗器械'],
  ] as const)('when the text says %j, then the rules route it to %s', (text, line) => {
    expect(classifyIndustry(text, null).value).toBe(line)
  })
})
