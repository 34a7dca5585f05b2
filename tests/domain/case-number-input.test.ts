import fc from 'fast-check'
import { CASE_NO_PATTERN, formatCaseNo } from '../../src/domain/case-number'
import { normalizeCaseNo } from '../../src/domain/case-number-input'

const FULL_WIDTH_ZERO = 0xff10
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d)))

/** A case number written the ways people write it: with or without KS-, any case, spaced, full-width. */
const loosely = (canonical: string) => {
  const [, day, sequence] = canonical.split('-')
  return fc
    .record({
      prefix: fc.constantFrom('KS-', 'ks-', 'Ks', 'KS ', 'ｋｓ－', ''),
      separator: fc.constantFrom('-', ' ', '  ', '－', '—', '', ' - '),
      wide: fc.boolean(),
      padding: fc.constantFrom('', ' ', '\u3000', '\n'),
    })
    .map(({ prefix, separator, wide, padding }) => {
      const digits = `${day}${separator}${sequence}`
      return `${padding}${prefix}${wide ? fullWidth(digits) : digits}${padding}`
    })
}

const caseNumbers = fc
  .tuple(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 1, max: 99999 }),
  )
  .map(([at, seq]) => formatCaseNo(at, seq))

describe('case numbers as people type them', () => {
  it('when the examples from the issue are typed, then each is the canonical number', () => {
    expect(normalizeCaseNo('20261205 0001')).toBe('KS-20261205-0001')
    expect(normalizeCaseNo('ks２０２６１２０５-0001')).toBe('KS-20261205-0001')
    expect(normalizeCaseNo('KS-20261205-0001')).toBe('KS-20261205-0001')
    expect(normalizeCaseNo('202612050001')).toBe('KS-20261205-0001')
    expect(normalizeCaseNo('20261205 1')).toBe('KS-20261205-0001') // the sequence written short
    expect(normalizeCaseNo('KS-20261205-12345')).toBe('KS-20261205-12345')
  })

  it('when what was typed cannot be a case number, then there is none', () => {
    for (const bad of [
      '',
      '   ',
      'KS-',
      '2026120',
      '20261205',
      '2026-12-05-0001',
      '20261205 0000',
      'AB-20261205-0001',
      '20261205-0001x',
      '1234 5678',
    ])
      expect(normalizeCaseNo(bad)).toBeNull()
  })

  it('when any case number is written loosely, then it comes back exactly', () => {
    fc.assert(
      fc.property(
        caseNumbers.chain((no) => fc.tuple(fc.constant(no), loosely(no))),
        ([no, typed]) => normalizeCaseNo(typed) === no,
      ),
    )
  })

  it('when any text normalises, then the result has the case-number form and normalises to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[kKsS]{0,2}[ \-0-9０-９]{0,20}$/)), (typed) => {
        const no = normalizeCaseNo(typed)
        if (no === null) return true
        return CASE_NO_PATTERN.test(no) && normalizeCaseNo(no) === no
      }),
    )
  })
})
