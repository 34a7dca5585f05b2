// The amount's context cues and negatedBefore stay inside one clause, whatever punctuation ends it
// (CLAUSE_END in text.ts): ';' and ':' used to let a cue of the clause before reach the sum.
import { proposeAmount } from '../../src/domain/extract/amounts'
import { negatedBefore } from '../../src/domain/extract/text'

const sure = (text: string) => {
  const a = proposeAmount(text)
  return a && a.confidence >= 0.5 ? a.value : null
}

describe('amount cues stop at the end of a clause', () => {
  it.each([
    ['说好运费我出;鞋子399元,穿了两天就开胶', '399'],
    ['话费另算:手机2999元,用了一周就黑屏', '2999'],
  ])('when a side cost ends its clause with ; or : before the price (%j), then the price is still the amount', (text, yuan) => {
    expect(sure(text)).toBe(yuan)
  })

  it('when a unit word (每周) ends its clause with ;, then the fee after it is no unit price', () => {
    expect(sure('课程每周;学费3600元一次交清')).toBe('3600')
  })
})

describe('a negation stops at the end of a clause', () => {
  it.each([['店家说不赔;烫伤的是孩子'], ['店家说不赔:烫伤的是孩子']])(
    'when 不 ends its clause with ; or : (%j), then the harm after it is not negated',
    (text) => {
      expect(negatedBefore(text, text.indexOf('烫伤'))).toBe(false)
    },
  )

  it('when the negation is in the same clause, then the harm is still negated', () => {
    const text = '幸好没烫伤'
    expect(negatedBefore(text, text.indexOf('烫伤'))).toBe(true)
  })
})
