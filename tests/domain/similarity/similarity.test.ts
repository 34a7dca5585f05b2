import {
  isSimilar,
  reachesThreshold,
  similarityReason,
  textSimilarity,
  TEXT_SIMILARITY_THRESHOLD,
} from '../../../src/domain/similarity/similarity'

// The labelled table the threshold was chosen from (docs/bursts-and-similar-cases.md): pairs a
// station clerk would call "the same kind of complaint", and pairs they would not.
const LABELLED: [string, string, boolean][] = [
  ['健身房突然关门，办的预付卡还有3000元没用完，老板联系不上', '这家健身房关门跑路了，我充的预付卡余额2000元退不了，老板电话打不通', true],
  ['买的电饭煲用了三天就坏了，商家不给换', '电饭煲用了三天坏了，要求换货商家不同意', true],
  ['美容店办卡后倒闭，预付卡余额无法退还', '美容店突然倒闭了，卡里的余额退不了', true],
  ['外卖里吃出头发，商家态度很差', '外卖饭菜里有头发，商家拒绝退款态度差', true],
  ['手机屏幕有划痕，要求退货被拒绝', '刚买的手机屏幕有划痕，商家拒绝退货', true],
  ['健身房关门预付卡退不了', '买的电饭煲用了三天就坏了，商家不给换', false],
  ['外卖里吃出头发，商家态度很差', '手机屏幕有划痕，要求退货被拒绝', false],
  ['超市标价和结账价格不一致，多收了钱', '美容店办卡后倒闭，预付卡余额无法退还', false],
  ['商家拒绝退款', '商家拒绝换货维修', false],
  ['衣服洗了一次就褪色，商家不给退', '鞋子穿了一周就开胶，商家不给修', false],
]

const base = { merchantId: 'm1', problemType: '质量' as const, description: '' }

describe('text similarity (character bigrams, cosine)', () => {
  it.each(LABELLED)('when "%s" is compared with "%s", then it is similar: %s', (a, b, similar) => {
    expect(reachesThreshold(textSimilarity(a, b))).toBe(similar)
  })

  it('when the threshold is chosen, then it separates the whole labelled table with a margin on both sides', () => {
    const similar = LABELLED.filter((p) => p[2]).map(([a, b]) => textSimilarity(a, b))
    const different = LABELLED.filter((p) => !p[2]).map(([a, b]) => textSimilarity(a, b))
    expect(Math.min(...similar)).toBeGreaterThan(TEXT_SIMILARITY_THRESHOLD + 0.05)
    expect(Math.max(...different)).toBeLessThan(TEXT_SIMILARITY_THRESHOLD - 0.05)
  })

  it('when a text is compared with itself, then the score is 1; with an empty text, 0', () => {
    expect(textSimilarity('预付卡退不了', '预付卡退不了')).toBeCloseTo(1)
    expect(textSimilarity('预付卡退不了', '')).toBe(0)
    expect(textSimilarity('预付卡，退不了！', '预付卡 退不了')).toBeCloseTo(1) // punctuation and spaces say nothing
  })
})

describe('similar cases', () => {
  it('when two cases share the shop and the problem type, then they are similar whatever their words', () => {
    const a = { ...base, description: '电饭煲坏了' }
    const b = { ...base, description: '衣服褪色' }
    expect(similarityReason(a, b)).toBe('same_merchant_and_problem')
  })

  it('when the shop is the same but the problem type differs and the words do not match, then they are not similar', () => {
    expect(isSimilar({ ...base, description: '电饭煲坏了' }, { ...base, problemType: '价格', description: '多收了钱' })).toBe(false)
  })

  it('when the problem type is the same but the shops differ, then only the words can make them similar', () => {
    const a = { ...base, description: '健身房关门了，预付卡余额退不了' }
    expect(isSimilar(a, { ...base, merchantId: 'm2', description: '电饭煲坏了' })).toBe(false)
    expect(similarityReason(a, { ...base, merchantId: 'm2', problemType: '预付式消费', description: '健身房关门，预付卡余额不退' })).toBe(
      'text',
    )
  })

  it('when the text score sits just at the threshold, then it counts; just below, it does not', () => {
    // 1 shared bigram of 5 on each side: cosine 1/5, exactly the threshold
    const at = textSimilarity('甲乙丙丁戊己', '甲乙子丑寅卯')
    expect(at).toBeCloseTo(TEXT_SIMILARITY_THRESHOLD, 12)
    expect(
      isSimilar({ ...base, merchantId: 'x', description: '甲乙丙丁戊己' }, { ...base, merchantId: 'y', description: '甲乙子丑寅卯' }),
    ).toBe(true)
    // 1 shared bigram of 6 and 5: cosine 1/√30 ≈ 0.18, below it
    expect(textSimilarity('甲乙丙丁戊己庚', '甲乙子丑寅卯')).toBeCloseTo(1 / Math.sqrt(30))
    expect(
      isSimilar({ ...base, merchantId: 'x', description: '甲乙丙丁戊己庚' }, { ...base, merchantId: 'y', description: '甲乙子丑寅卯' }),
    ).toBe(false)
  })
})
