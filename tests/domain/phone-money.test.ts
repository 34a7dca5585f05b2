import fc from 'fast-check'
import { formatFen, yuanToFen } from '../../src/domain/money'
import { maskName, maskPhone, normalizePhone } from '../../src/domain/phone'

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['＋８６　１３８１２３４５６７８', '13812345678'],
  ])('when %j is typed, then it normalises to %s', (typed, phone) => {
    expect(normalizePhone(typed)).toBe(phone)
  })

  it.each(['12812345678', '1381234567', '138123456789', '0571-88812315', 'abc', ''])(
    'when %j is typed, then it is not a mobile number',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull()
    },
  )

  it('when any valid number is written with full-width digits, spaces or dashes, then it normalises back to itself', () => {
    const mobile = fc.tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`)
    const noise = fc.constantFrom('', ' ', '-', '\u3000')
    fc.assert(
      fc.property(mobile, fc.array(noise, { minLength: 11, maxLength: 11 }), fc.boolean(), (phone, gaps, fullWidth) => {
        const digits = fullWidth ? [...phone].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : [...phone]
        expect(normalizePhone(digits.map((d, i) => d + gaps[i]).join(''))).toBe(phone)
      }),
    )
  })

  it('when any string is normalised, then the result is null or exactly 11 ASCII digits starting with 1', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normalizePhone(s)
        expect(n === null || /^1[3-9]\d{9}$/.test(n)).toBe(true)
      }),
    )
  })

  it('when a phone or name is masked, then only the agreed parts remain', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskName('王小明')).toBe('王**')
    expect(maskName('欧阳娜娜')).toBe('欧阳**')
    expect(maskName('李')).toBe('*')
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const masked = maskPhone(p)
        expect(masked).toHaveLength(11)
        expect(masked.slice(3, 7)).toBe('****')
      }),
    )
  })
})

describe('money in yuan', () => {
  it.each([
    ['68', 6800],
    ['68.5', 6850],
    ['¥2,999.00', 299900],
    ['１２元', 1200],
    ['', null],
    ['12.345', undefined],
    ['-5', undefined],
    ['abc', undefined],
  ])('when %j is typed, then it is %p fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen)
  })

  it('when any fen amount is formatted and typed back, then it is the same amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (fen) => {
        expect(yuanToFen(formatFen(fen))).toBe(fen)
      }),
    )
  })
})
