import fc from 'fast-check'
import { extractComplaint, type Extraction } from '../../../src/domain/extract/extract-complaint'
import { proposeInto } from '../../../src/domain/extract/merge-proposal'

const NOW = new Date('2026-03-18T14:30:00+08:00')
const SHOPS = [{ code: 'A7K2M9', name: '小米之家(万达广场店)' }]
const TEXT = '前天下午在万达的小米店买的手机，两千九百九十九，用了两天就自动关机，要求退款并赔偿。'
const extraction = extractComplaint(TEXT, { now: NOW, shops: SHOPS })

const emptyForm = () => ({
  shopName: '',
  shopCode: '',
  purchaseTime: '',
  amountYuan: '',
  product: '',
  problemType: '',
  industry: '',
  demands: [] as string[],
})

describe('proposing extracted fields into the form', () => {
  it('when the form is empty, then every sure proposal fills its field', () => {
    const { form, filled } = proposeInto(emptyForm(), extraction)
    expect(form).toMatchObject({
      shopCode: 'A7K2M9',
      purchaseTime: '2026-03-16',
      amountYuan: '2999',
      product: '手机',
      demands: ['refund', 'compensation'],
      industry: '产品质量',
    })
    expect(filled).toEqual(expect.arrayContaining(['shopName', 'shopCode', 'purchaseTime', 'amountYuan', 'product', 'demands', 'industry']))
  })

  it('when the person already typed a field, then it is kept exactly as typed and not reported as filled', () => {
    const typed = { ...emptyForm(), amountYuan: '3000', product: '小米14', purchaseTime: '2026-03-15', demands: ['exchange'] }
    const { form, filled } = proposeInto(typed, extraction)
    expect(form.amountYuan).toBe('3000')
    expect(form.product).toBe('小米14')
    expect(form.purchaseTime).toBe('2026-03-15')
    expect(form.demands).toEqual(['exchange']) // demands only when none is picked
    expect(filled).not.toEqual(expect.arrayContaining(['amountYuan']))
    expect(filled).not.toContain('product')
    expect(filled).not.toContain('demands')
  })

  it('when a field holds only spaces, then it counts as empty', () => {
    expect(proposeInto({ ...emptyForm(), amountYuan: '  ' }, extraction).form.amountYuan).toBe('2999')
  })

  it('when the form lacks a field, then the proposal does not add it', () => {
    const { form } = proposeInto({ product: '' }, extraction)
    expect(form).toEqual({ product: '手机' })
  })

  it('when a proposal is below the confidence bar, then it is left out', () => {
    const { form, filled } = proposeInto(emptyForm(), extraction, 0.99)
    expect(filled).toEqual([])
    expect(form).toEqual(emptyForm())
  })

  it('when the draft keeps date and clock apart, then both are filled from one proposal, and the clock alone when the picked day agrees', () => {
    const x = extractComplaint('昨晚8点在影城看的电影，要求退款', { now: NOW })
    expect(proposeInto({ purchaseDate: '', purchaseClock: '' }, x).form).toEqual({ purchaseDate: '2026-03-17', purchaseClock: '20:00' })
    expect(proposeInto({ purchaseDate: '2026-03-17', purchaseClock: '' }, x).form).toEqual({
      purchaseDate: '2026-03-17',
      purchaseClock: '20:00',
    })
    expect(proposeInto({ purchaseDate: '2026-03-10', purchaseClock: '' }, x).form).toEqual({
      purchaseDate: '2026-03-10',
      purchaseClock: '',
    })
  })

  it('when the input form is given, then it is not changed in place', () => {
    const form = emptyForm()
    proposeInto(form, extraction)
    expect(form).toEqual(emptyForm())
  })

  it('when any field is already filled, whatever the proposal, then that field comes back unchanged', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '')
    const typedForm = fc.record({
      shopName: fc.oneof(fc.constant(''), text),
      shopCode: fc.oneof(fc.constant(''), text),
      purchaseTime: fc.oneof(fc.constant(''), text),
      amountYuan: fc.oneof(fc.constant(''), text),
      product: fc.oneof(fc.constant(''), text),
      problemType: fc.oneof(fc.constant(''), text),
      industry: fc.oneof(fc.constant(''), text),
      demands: fc.oneof(fc.constant([] as string[]), fc.array(text, { minLength: 1, maxLength: 3 })),
    })
    const complaint = fc.constantFrom(TEXT, '昨晚8点在影城看的电影，要求退款', '在永辉超市买的车厘子烂了，158块，要么退钱要么换', '')
    fc.assert(
      fc.property(typedForm, complaint, fc.double({ min: 0, max: 1, noNaN: true }), (form, t, bar) => {
        const x: Extraction = extractComplaint(t, { now: NOW, shops: SHOPS })
        const { form: next, filled } = proposeInto(form, x, bar)
        for (const [key, value] of Object.entries(form)) {
          const typed = Array.isArray(value) ? value.length > 0 : value.trim() !== ''
          if (typed) {
            expect(next[key as keyof typeof form]).toEqual(value)
            expect(filled).not.toContain(key)
          }
        }
      }),
    )
  })
})
