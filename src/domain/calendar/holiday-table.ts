// China's official calendar as data: which dates are public holidays (off) and which weekend dates
// are make-up working days (调休, on). The State Council publishes each year's schedule late in the
// previous year; a year not in `publishedYears` is unknown, and any deadline that lands in it is
// provisional. The domain never loads this itself: an adapter builds it (from chinese-days plus an
// override table) and passes it in.
export interface HolidayTable {
  /** 'YYYY-MM-DD' → holiday name */
  holidays: Readonly<Record<string, string>>
  /** 'YYYY-MM-DD' → the holiday it makes up for */
  makeupWorkdays: Readonly<Record<string, string>>
  publishedYears: readonly number[]
}

export interface CalendarOverride {
  date: string
  kind: 'holiday' | 'workday'
  name: string
}

/** Apply a site's or a newly published year's overrides on top of a base table. */
export function withOverrides(
  base: HolidayTable,
  overrides: readonly CalendarOverride[],
  extraYears: readonly number[] = [],
): HolidayTable {
  const holidays = { ...base.holidays }
  const makeupWorkdays = { ...base.makeupWorkdays }
  for (const o of overrides) {
    if (o.kind === 'holiday') {
      holidays[o.date] = o.name
      delete makeupWorkdays[o.date]
    } else {
      makeupWorkdays[o.date] = o.name
      delete holidays[o.date]
    }
  }
  const years = new Set([...base.publishedYears, ...extraYears])
  return { holidays, makeupWorkdays, publishedYears: [...years].sort((a, b) => a - b) }
}
