import { findWorkday } from 'chinese-days'
import fc from 'fast-check'
import { chineseDaysTable } from '../../cloudfunctions/adapters/calendar/chinese-days-table'
import { withOverrides } from '../../src/domain/calendar/holiday-table'
import { addDays, parseLocalDate } from '../../src/domain/calendar/local-date'
import { addWorkingDays, dayKind, isWorkingDay } from '../../src/domain/calendar/working-days'

const table = chineseDaysTable()
const beijing = (local: string) => new Date(`${local}+08:00`)

describe('working days on the State Council calendar', () => {
  it('when a complaint arrives on 2025-09-30, then the 7-working-day accept decision is due by the end of 2025-10-16', () => {
    const d = addWorkingDays(table, beijing('2025-09-30T15:20:00'), 7)
    expect(d.dueDate).toBe('2025-10-16')
    expect(d.dueAt).toBe('2025-10-16T16:00:00.000Z') // 24:00 Beijing
    expect(d.provisional).toBe(false)
    // National Day + Mid-Autumn, 1–8 October, skipped; Saturday 11 October is a make-up working day
    expect(d.skipped.filter((s) => s.reason === 'holiday').map((s) => s.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ])
    expect(d.skipped.map((s) => s.date)).not.toContain('2025-10-11')
    expect(dayKind(table, parseLocalDate('2025-10-11'))).toBe('makeup-workday')
  })

  it('when the instant is late evening UTC, then the Beijing date is the start day', () => {
    // 2025-09-30T17:00Z is already 1 October in Beijing: the count starts a day later
    expect(addWorkingDays(table, new Date('2025-09-30T17:00:00Z'), 7).startDate).toBe('2025-10-01')
  })

  it('when cases arrive around the 2026 Spring Festival, then the holiday is skipped and both make-up Saturdays count', () => {
    expect(addWorkingDays(table, beijing('2026-02-13T10:00:00'), 5).dueDate).toBe('2026-02-27') // goods: 5 working days
    expect(addWorkingDays(table, beijing('2026-02-13T10:00:00'), 7).dueDate).toBe('2026-03-02') // services: 7
    expect(addWorkingDays(table, beijing('2026-02-13T10:00:00'), 1).dueDate).toBe('2026-02-14') // Saturday, worked
    const skipped = addWorkingDays(table, beijing('2026-02-13T10:00:00'), 5).skipped
    expect(skipped.find((s) => s.date === '2026-02-17')).toEqual({ date: '2026-02-17', reason: 'holiday', name: '春节' })
  })

  it('when a deadline runs into a year whose calendar is not published, then it is provisional and says which year', () => {
    const d = addWorkingDays(table, beijing('2026-12-28T09:00:00'), 7)
    expect(d.provisional).toBe(true)
    expect(d.unpublishedYears).toEqual([2027])
    expect(addWorkingDays(table, beijing('2026-12-01T09:00:00'), 7).provisional).toBe(false)
  })

  it('when a newly published year is added as overrides, then its holidays count and it is no longer provisional', () => {
    const with2027 = withOverrides(table, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2027])
    const d = addWorkingDays(with2027, beijing('2026-12-30T09:00:00'), 2)
    expect(d.provisional).toBe(false)
    expect(d.dueDate).toBe('2027-01-04') // 31 Dec, (1 Jan holiday, 2–3 weekend), 4 Jan
  })

  it('when any start and count are given, then the due day is a working day and exactly N working days follow the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 3 }), fc.integer({ min: 1, max: 45 }), (offset, n) => {
        const start = addDays(parseLocalDate('2024-01-01'), offset)
        const startIso = `${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}T12:00:00`
        const d = addWorkingDays(table, beijing(startIso), n)
        const due = parseLocalDate(d.dueDate)
        expect(isWorkingDay(table, due)).toBe(true)
        let count = 0
        for (let day = addDays(start, 1); ; day = addDays(day, 1)) {
          if (isWorkingDay(table, day)) count++
          if (day.year === due.year && day.month === due.month && day.day === due.day) break
        }
        expect(count).toBe(n)
        for (const s of d.skipped) expect(isWorkingDay(table, parseLocalDate(s.date))).toBe(false)
        // an independent oracle: the library's own working-day search agrees within published years
        if (!d.provisional) expect(d.dueDate).toBe(findWorkday(n, d.startDate))
      }),
      { numRuns: 300 },
    )
  })
})
