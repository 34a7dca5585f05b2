import { classifyProblemType } from '../../src/domain/extract/problem-type'

// Telltale words of published, third-person complaints (real corpus, train split), so that the rules — one
// input of the learned stacker (docs/extract-model.md) — answer where they said 其他 before.
describe('problem-type words from real complaints', () => {
  it.each([
    ['才跑了2000多公里,就发现发动机漏油', '产品质量', '质量'],
    ['干洗以后不光掉色发白得厉害,连扣眼都开了线', '一般消费纠纷', '质量'],
    ['大课包花了14400元,小课包花了8700元,到现在还有20多节课没上完', '一般消费纠纷', '预付式消费'],
    ['原来上课的教室已经人去楼空,负责人的电话也打不通了', '一般消费纠纷', '预付式消费'],
    ['店员称买后才能称重,不肯当场告诉她克重,这枚一口价金戒指', '产品质量', '价格'],
    ['银行事先没有任何通知,每年都收了他4000元的年费', '一般消费纠纷', '价格'],
  ] as const)('when the text says %j, then the rules say the problem type', (text, industry, type) => {
    expect(classifyProblemType(text, industry, false).value).toBe(type)
  })
})
