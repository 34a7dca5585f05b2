import fc from 'fast-check'
import { CASE_NO_PATTERN, caseNoCounterName, formatCaseNo } from '../../src/domain/case-number'
import { formatShanghaiDateTime, shanghaiDayKey } from '../../src/domain/time'

describe('case numbers and Shanghai time', () => {
  it('when a case arrives at 23:30 UTC, then it carries the next day, the day it is in Shanghai', () => {
    expect(formatCaseNo(new Date('2025-09-30T23:30:00Z'), 7)).toBe('KS-20251001-0007')
    expect(caseNoCounterName('2025-09-30T15:59:59Z')).toBe('case-no:20250930')
    expect(caseNoCounterName('2025-09-30T16:00:00Z')).toBe('case-no:20251001')
  })

  it('when an instant is formatted, then it is shown in Beijing time', () => {
    expect(formatShanghaiDateTime('2026-02-16T16:05:00Z')).toBe('2026年2月17日 00:05')
    expect(shanghaiDayKey('2026-12-31T16:00:00.000Z')).toBe('20270101')
  })

  it('when the sequence is not a positive integer, then formatting refuses', () => {
    expect(() => formatCaseNo(new Date('2026-01-01T00:00:00Z'), 0)).toThrow(RangeError)
    expect(() => formatCaseNo(new Date('2026-01-01T00:00:00Z'), 1.5)).toThrow(RangeError)
  })

  it('when any instant and sequence are formatted, then the number matches the pattern and is unique per (day, sequence)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99999 }),
        (at, seq) => {
          const no = formatCaseNo(at, seq)
          expect(no).toMatch(CASE_NO_PATTERN)
          expect(no).toBe(`KS-${shanghaiDayKey(at)}-${String(seq).padStart(4, '0')}`)
        },
      ),
    )
  })
})
