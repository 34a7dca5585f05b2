import data from 'chinese-days/dist/chinese-days.json'
import type { HolidayTable } from '../../../src/domain/calendar/holiday-table'

// chinese-days carries the State Council schedule (holidays and make-up working days) for every
// year it knows. Its entries read "English name,中文名,天数"; we keep the Chinese name for display.
const chineseName = (entry: string) => entry.split(',')[1] ?? entry

function pick(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([date, entry]) => [date, chineseName(entry)]))
}

const yearsIn = (record: Record<string, string>) => [...new Set(Object.keys(record).map((d) => Number(d.slice(0, 4))))]

export function chineseDaysTable(): HolidayTable {
  const holidays = pick(data.holidays as Record<string, string>)
  return {
    holidays,
    makeupWorkdays: pick(data.workdays as Record<string, string>),
    publishedYears: yearsIn(holidays).sort((a, b) => a - b),
  }
}
