// A span read from the text stays inside one clause, whatever punctuation ends it: full-width or ASCII
// comma, semicolon, colon (CLAUSE_END in text.ts). These spans used to run across ';' and ':'.
import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { proposeMerchantMention } from '../../src/domain/extract/merchant-mention'

const now = new Date('2026-12-05T12:00:00+08:00')

describe('spans stop at the end of a clause', () => {
  it.each([['我住在城东;在华联超市买了酸奶'], ['我住在城东：在华联超市买了酸奶']])(
    'when a clause ends with ; or : before "在X超市买", then the shop is only X超市 (%j)',
    (text) => {
      expect(extractComplaint(text, { now }).shopName?.value).toBe('华联超市')
    },
  )

  it('when a colon ends the clause with the buying verb, then the product after it does not count as bought', () => {
    expect(extractComplaint('手机屏幕碎了。买的时候店员说：蓝牙耳机也送', { now }).product?.value).toBe('手机')
  })

  it('when an ASCII semicolon ends the clause after 在, then the merchant is not read across it', () => {
    expect(proposeMerchantMention('我在城东;华联超市买的酸奶胀袋了')?.value).toBe('华联超市')
  })
})
