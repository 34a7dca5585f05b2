import { extractComplaint } from '../../src/domain/extract/extract-complaint'
import { removeFraming } from '../../src/domain/extract/framing'

describe('third-person framing', () => {
  it.each([
    ['据市民周先生反映，他在某面馆吃出了钢丝球', '他在某面馆吃出了钢丝球'],
    ['消费者陈女士向区消委会投诉称，她在一家健身房办了年卡', '她在一家健身房办了年卡'],
    ['原告诉称：其于2025年4月在被告处购买空调一台', '其于2025年4月在被告处购买空调一台'],
    ['11月3日，黄先生拨打了12345热线。他说上周在夜市买的烤串有异味', '他说上周在夜市买的烤串有异味'],
    ['记者了解到，这家培训机构已经停课', '这家培训机构已经停课'],
  ])('when the text is %j, then the lead-in is blanked and %j is kept', (text, kept) => {
    const out = removeFraming(text)
    expect(out).toHaveLength(text.length)
    expect(out.trim()).toBe(kept)
    expect(out.indexOf(kept)).toBe(text.indexOf(kept))
  })

  it('when the consumer tells it in the first person, then nothing is blanked', () => {
    const text = '我在超市买的面包发霉了，要求退款'
    expect(removeFraming(text)).toBe(text)
  })

  it('when a hotline call carries a date, then that date is not the purchase date', () => {
    const x = extractComplaint('9月12日，孙女士拨打本报热线。她在一家鞋店买的皮鞋穿了两天就开胶了', {
      now: new Date('2026-09-13T10:00:00+08:00'),
    })
    expect(x.purchaseTime).toBeNull()
  })
})
