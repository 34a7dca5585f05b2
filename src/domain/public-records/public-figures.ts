import type { MerchantCaseCounts } from '../merchant/merchant-record'

// The published figures of a shop are kept per (site, shop, month) and made from the shop's own
// counters (merchant_counters / the document store's flags, merchant/merchant-tally.ts), never from a
// scan of its cases. A pass (services/public-figures-pass.ts) compares the counters with the mark it
// left last time and adds the difference to the month of the pass: a month's row is what happened in
// that month — complaints received, cases closed and settled, responses decided on time or late.

/** What one month adds to a shop's published figures. */
export interface MonthFigures {
  complaints: number
  closed: number
  settled: number
  responseOnTime: number
  responseLate: number
}

export const ZERO_FIGURES: MonthFigures = { complaints: 0, closed: 0, settled: 0, responseOnTime: 0, responseLate: 0 }

/** The part of a shop's counters the figures are made of (what a mark keeps). */
export type CounterMark = Pick<MerchantCaseCounts, 'total' | 'closed' | 'settled' | 'responseOnTime' | 'responseLate'>

export const markOf = (c: CounterMark): CounterMark => ({
  total: c.total,
  closed: c.closed,
  settled: c.settled,
  responseOnTime: c.responseOnTime,
  responseLate: c.responseLate,
})

/**
 * The difference between the counters now and the mark of the last pass (null: no pass yet, so all
 * of the shop's record so far lands in this month). A reopened case takes one back from "closed":
 * a month may hold a negative part, and the sums over the publication window stay right.
 */
export function figuresDelta(mark: CounterMark | null, now: CounterMark): MonthFigures {
  const m = mark ?? { total: 0, closed: 0, settled: 0, responseOnTime: 0, responseLate: 0 }
  return {
    complaints: now.total - m.total,
    closed: now.closed - m.closed,
    settled: now.settled - m.settled,
    responseOnTime: now.responseOnTime - m.responseOnTime,
    responseLate: now.responseLate - m.responseLate,
  }
}

export const isZeroFigures = (f: MonthFigures) => Object.values(f).every((v) => v === 0)

export function addFigures(a: MonthFigures, b: MonthFigures): MonthFigures {
  return {
    complaints: a.complaints + b.complaints,
    closed: a.closed + b.closed,
    settled: a.settled + b.settled,
    responseOnTime: a.responseOnTime + b.responseOnTime,
    responseLate: a.responseLate + b.responseLate,
  }
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000 // UTC+8 all year

/** "2026-03": the month in Shanghai that holds this instant. */
export function shanghaiMonth(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)
}

/** The month `n` months before "YYYY-MM" (n ≥ 0). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
